using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary><c>--schema</c> and <c>CLINICAL_SCHEMA</c> as a user types them: a usable name is used quoted, a hostile one never reaches the server.</summary>
public sealed class SchemaOptionCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Hostile = "x\"; drop table y; --";
    private const string HostileRefused =
        "error: --schema 'x\"; drop table y; --' is not a schema name Clinical accepts: use lower-case letters, digits and underscores, starting with a letter or underscore (e.g. registry).";

    private readonly PostgresDatabase _database = database;

    [Theory]
    [InlineData("migrate")]
    [InlineData("import")]
    [InlineData("stats")]
    [InlineData("runs")]
    public async Task Command_HostileSchemaOption_RefusedWithOneLineExit2AndNothingTouched(string command)
    {
        _database.RequireAvailable();
        var connectionString = await _database.CreateSiblingAsync();
        await ExecuteAsync(connectionString, "CREATE TABLE y (kept int); INSERT INTO y VALUES (1)");
        string[] args = command == "import"
            ? ["import", TestFixtures.RealStudiesPath, "--schema", Hostile, "--connection", connectionString]
            : [command, "--schema", Hostile, "--connection", connectionString];

        var (exitCode, output, error) = await RunAsync(args);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.TrimEnd().ShouldBe(HostileRefused);
        output.ShouldBeEmpty();
        (await ScalarAsync<long>(connectionString, "SELECT count(*) FROM y")).ShouldBe(1);
        (await ScalarAsync<long>(connectionString, "SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('public', 'information_schema')")).ShouldBe(0);
    }

    [Fact]
    public async Task Migrate_HostileSchemaVariable_RefusedNamingTheVariable()
    {
        _database.RequireAvailable();

        var (exitCode, _, error) = await RunAsync(["migrate", "--connection", _database.ConnectionString], name => name == DatabaseSchema.Variable ? Hostile : null);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.TrimEnd().ShouldBe(HostileRefused.Replace("--schema", DatabaseSchema.Variable, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_SchemaOptionNamingAReservedWord_LoadsThereAndTheReportsReadIt()
    {
        _database.RequireAvailable();
        var connectionString = await _database.CreateSiblingAsync();

        var (importExit, _, importError) = await RunAsync(["import", TestFixtures.RealStudiesPath, "--quiet", "--schema", "user", "--connection", connectionString]);
        var (statsExit, stats, statsError) = await RunAsync(["stats", "--json", "--schema", "user", "--connection", connectionString]);
        var (runsExit, runs, runsError) = await RunAsync(["runs", "--json", "--schema", "user", "--connection", connectionString]);

        importExit.ShouldBe(ExitCodes.Success, importError);
        (await ScalarAsync<long>(connectionString, "SELECT count(*) FROM \"user\".studies")).ShouldBe(200);
        (await ScalarAsync<long>(connectionString, "SELECT count(*) FROM ctgov.calculated_values")).ShouldBe(200);
        (await ScalarAsync<bool>(connectionString, $"SELECT to_regnamespace('{DatabaseSchema.DefaultName}') IS NULL")).ShouldBeTrue();
        statsExit.ShouldBe(ExitCodes.Success, statsError);
        System.Text.Json.JsonDocument.Parse(stats).RootElement.GetProperty("rows_per_table").EnumerateArray()
            .Single(pair => pair.GetProperty("key").GetString() == "studies").GetProperty("value").GetInt64().ShouldBe(200);
        runsExit.ShouldBe(ExitCodes.Success, runsError);
        System.Text.Json.JsonDocument.Parse(runs).RootElement.EnumerateArray().Single().GetProperty("written").GetInt64().ShouldBe(200);
    }

    [Fact]
    public async Task Migrate_SchemaVariable_CreatesThatSchemaAndSaysSo()
    {
        _database.RequireAvailable();
        var connectionString = await _database.CreateSiblingAsync();

        var (exitCode, output, error) = await RunAsync(["migrate", "--connection", connectionString], name => name == DatabaseSchema.Variable ? "trials_from_env" : null);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("schema trials_from_env is up to date");
        (await ScalarAsync<bool>(connectionString, "SELECT to_regclass('trials_from_env.import_runs') IS NOT NULL")).ShouldBeTrue();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
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
