using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Each source of the connection settings against a real PostgreSQL that demands a password (scram-sha-256): a URI, the
/// PG* variables, a password file, the precedence between them, and the application name DBAs see.
/// </summary>
public sealed class PasswordConnectionTests(PasswordPostgresCluster cluster) : IClassFixture<PasswordPostgresCluster>, IDisposable
{
    private const string Wrong = "not-the-password";
    private readonly PasswordPostgresCluster _cluster = cluster;
    private readonly string _home = Directory.CreateTempSubdirectory("clinical-pgpass-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Encoded => Uri.EscapeDataString(PasswordPostgresCluster.Password);

    [Fact]
    public async Task Migrate_UriWithPassword_Connects()
    {
        _cluster.RequireAvailable();

        var (exitCode, output, error) = await RunAsync(["migrate", "--connection", $"postgresql://postgres:{Encoded}@127.0.0.1:{_cluster.Port}/clinical?sslmode=disable"]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain($"127.0.0.1:{_cluster.Port}/clinical as postgres");
        output.ShouldNotContain(PasswordPostgresCluster.Password);
    }

    [Fact]
    public async Task Migrate_PgVariables_Connect()
    {
        _cluster.RequireAvailable();

        var (exitCode, _, error) = await RunAsync(["migrate"], PgVariables(("PGPASSWORD", PasswordPostgresCluster.Password), ("PGSSLMODE", "disable")));

        exitCode.ShouldBe(ExitCodes.Success, error);
    }

    [Fact]
    public async Task Migrate_WrongPassword_ExitsFourWithoutPrintingIt()
    {
        _cluster.RequireAvailable();

        var (exitCode, output, error) = await RunAsync(["migrate"], PgVariables(("PGPASSWORD", Wrong)));

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable);
        error.ShouldContain($"127.0.0.1:{_cluster.Port}/clinical as postgres");
        (output + error).ShouldNotContain(Wrong);
    }

    [Fact]
    public async Task Migrate_PgPassFileVariable_ReadsThePasswordFromTheFile()
    {
        _cluster.RequireAvailable();
        var file = WritePasswordFile(Path.Combine(_home, "clinical.pgpass"));

        var (exitCode, _, error) = await RunAsync(["migrate"], PgVariables(("PGPASSFILE", file)));

        exitCode.ShouldBe(ExitCodes.Success, error);
    }

    [Fact]
    public async Task Migrate_PgPassInHome_ReadsThePasswordFromTheFile()
    {
        _cluster.RequireAvailable();
        WritePasswordFile(Path.Combine(_home, ".pgpass"));

        var (withFile, _, error) = await RunAsync(["migrate"], PgVariables(("HOME", _home)));
        File.Delete(Path.Combine(_home, ".pgpass"));
        var (withoutFile, _, _) = await RunAsync(["migrate"], PgVariables(("HOME", _home)));

        withFile.ShouldBe(ExitCodes.Success, error);
        withoutFile.ShouldBe(ExitCodes.DatabaseUnavailable);
    }

    [Fact]
    public async Task Migrate_DbAndPgPasswords_TheSeedsVariableWins()
    {
        _cluster.RequireAvailable();

        var (dbRight, _, error) = await RunAsync(["migrate"], PgVariables(("DBPASSWORD", PasswordPostgresCluster.Password), ("PGPASSWORD", Wrong)));
        var (dbWrong, _, _) = await RunAsync(["migrate"], PgVariables(("DBPASSWORD", Wrong), ("PGPASSWORD", PasswordPostgresCluster.Password)));

        dbRight.ShouldBe(ExitCodes.Success, error);
        dbWrong.ShouldBe(ExitCodes.DatabaseUnavailable);
    }

    [Fact]
    public async Task Migrate_ConnectionAndVariables_TheConnectionWinsOverBoth()
    {
        _cluster.RequireAvailable();
        var variables = PgVariables(("DBPASSWORD", Wrong), ("PGPASSWORD", Wrong), ("DBPORT", "1"));

        var (exitCode, _, error) = await RunAsync(["migrate", "-c", $"Host=127.0.0.1;Port={_cluster.Port};Password={PasswordPostgresCluster.Password}"], variables);

        exitCode.ShouldBe(ExitCodes.Success, error);
    }

    [Fact]
    public async Task Connection_DefaultAndPgAppName_AreTheApplicationNameInPgStatActivity()
    {
        _cluster.RequireAvailable();

        var byDefault = await ApplicationNameAsync(PgVariables(("PGPASSWORD", PasswordPostgresCluster.Password)));
        var fromVariable = await ApplicationNameAsync(PgVariables(("PGPASSWORD", PasswordPostgresCluster.Password), ("PGAPPNAME", "nightly-delta")));

        byDefault.ShouldBe("clinical");
        fromVariable.ShouldBe("nightly-delta");
    }

    private async Task<string> ApplicationNameAsync(Func<string, string?> environment)
    {
        var settings = DatabaseSettings.Resolve(null, null, environment);
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()", connection);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private string WritePasswordFile(string path)
    {
        File.WriteAllText(path, $"127.0.0.1:{_cluster.Port}:clinical:postgres:{PasswordPostgresCluster.Password.Replace(":", "\\:", StringComparison.Ordinal)}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private Func<string, string?> PgVariables(params (string Name, string Value)[] extra)
    {
        var variables = new Dictionary<string, string> { ["PGHOST"] = "127.0.0.1", ["PGPORT"] = $"{_cluster.Port}", ["PGUSER"] = "postgres", ["PGDATABASE"] = "clinical" };
        foreach (var (name, value) in extra)
        {
            variables[name] = value;
        }

        return name => variables.GetValueOrDefault(name);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Func<string, string?>? environment = null)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, console, output, error, environment ?? (_ => null));
        return (exitCode, console.Output + output, error.ToString());
    }
}
