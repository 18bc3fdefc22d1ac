using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary><c>clinical migrate</c> sets the database's default search_path for AACT's unqualified names, unless told to keep it.</summary>
public sealed class AactSearchPathCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Migrate_NewConnectionSettingNothing_FindsStudiesUnqualified()
    {
        _database.RequireAvailable();
        var connection = await _database.CreateSiblingAsync();

        var (exitCode, _, error) = await RunAsync(["migrate", "--connection", connection]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        (await ScalarAsync<string>(connection, "SHOW search_path")).ShouldBe("\"$user\", ctgov, public");
        (await ScalarAsync<long>(connection, "SELECT count(*) FROM studies")).ShouldBe(0);
    }

    [Theory]
    [InlineData("--no-search-path", null)]
    [InlineData(null, "keep")]
    public async Task Migrate_OptedOut_LeavesTheSearchPathAsItWas(string? flag, string? variable)
    {
        _database.RequireAvailable();
        var connection = await _database.CreateSiblingAsync();
        string[] args = flag is null ? ["migrate", "--connection", connection] : ["migrate", flag, "--connection", connection];

        var (exitCode, _, error) = await RunAsync(args, name => name == "CLINICAL_SEARCH_PATH" ? variable : null);

        exitCode.ShouldBe(ExitCodes.Success, error);
        (await ScalarAsync<string>(connection, "SHOW search_path")).ShouldBe("\"$user\", public");
        (await ScalarAsync<long>(connection, "SELECT count(*) FROM ctgov.studies")).ShouldBe(0);
    }

    [Fact]
    public async Task Import_UnknownSearchPathSetting_IsOneLineAndExitTwo()
    {
        var (exitCode, _, error) = await RunAsync(["import", TestFixtures.RealStudiesPath, "--connection", "Host=127.0.0.1;Port=1"], name => name == "CLINICAL_SEARCH_PATH" ? "off" : null);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldBe("error: CLINICAL_SEARCH_PATH must be 'set' or 'keep', not 'off'\n");
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
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
