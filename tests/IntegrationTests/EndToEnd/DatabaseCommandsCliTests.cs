using Clinical.Cli;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary><c>migrate</c>, <c>runs</c>, <c>stats</c> and <c>schema</c> as a user runs them, and the settings every command shares.</summary>
public sealed class DatabaseCommandsCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Secret = "s3cr3t-Pa55word";
    private const string Unreachable = $"Host=127.0.0.1;Port=1;Database=nowhere;Username=someone;Password={Secret};Timeout=3";
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesTheSchemaAndNamesTheDatabase()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();

        var (exitCode, output, error) = await RunAsync(["migrate", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain($"schema {SchemaSql.DefaultSchemaName} is up to date at 127.0.0.1:");
        (await ScalarAsync<bool>($"SELECT to_regclass('{SchemaSql.DefaultSchemaName}.import_runs') IS NOT NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Stats_FindingsRecorded_ShowsThemByRuleInTheTableAndTheJson()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await RunAsync(["import", TestFixtures.RealStudiesPath, "--quiet", "--connection", _database.ConnectionString]);
        await ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {SchemaSql.DefaultSchemaName}.findings (nct_id text, ord int, rule text, json_path text, value text, message text, run_id bigint);
            INSERT INTO {SchemaSql.DefaultSchemaName}.findings (nct_id, ord, rule, json_path, value, message, run_id)
            SELECT s.nct_id, 1000 + n, 'test-rule-under-cli', '$.protocolSection', 'x', 'from the CLI test', s.import_run_id
              FROM (SELECT nct_id, import_run_id, row_number() OVER (ORDER BY nct_id) AS r FROM {SchemaSql.DefaultSchemaName}.studies ORDER BY nct_id LIMIT 2) s
              JOIN generate_series(1, 2) n ON n <= s.r;
            """);

        var (tableExit, table, _) = await RunAsync(["stats", "--connection", _database.ConnectionString]);
        var (jsonExit, json, _) = await RunAsync(["stats", "--json", "--connection", _database.ConnectionString]);

        tableExit.ShouldBe(ExitCodes.Success);
        table.ShouldContain("Findings by rule");
        table.ShouldContain("test-rule-under-cli");
        jsonExit.ShouldBe(ExitCodes.Success);
        var rule = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("findings_by_rule").EnumerateArray()
            .Single(f => f.GetProperty("rule").GetString() == "test-rule-under-cli");
        rule.GetProperty("count").GetInt64().ShouldBe(3);
        rule.GetProperty("studies").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Stats_NoFindingsTable_ShowsNoFindingsAndSucceeds()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await RunAsync(["migrate", "--connection", _database.ConnectionString]);
        await ExecuteAsync($"DROP TABLE IF EXISTS {SchemaSql.DefaultSchemaName}.findings CASCADE");

        var (exitCode, json, error) = await RunAsync(["stats", "--json", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("findings_by_rule").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task RunsAndStats_NoSchemaYet_SucceedWithNothingToShow()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();

        var (runsExit, runs, _) = await RunAsync(["runs", "--json", "--connection", _database.ConnectionString]);
        var (statsExit, stats, _) = await RunAsync(["stats", "--json", "--connection", _database.ConnectionString]);

        runsExit.ShouldBe(ExitCodes.Success);
        System.Text.Json.JsonDocument.Parse(runs).RootElement.GetArrayLength().ShouldBe(0);
        statsExit.ShouldBe(ExitCodes.Success);
        System.Text.Json.JsonDocument.Parse(stats).RootElement.GetProperty("rows_per_table").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("runs")]
    [InlineData("stats")]
    public async Task Command_UnreachableDatabase_ExitsFourNamingItWithoutThePassword(string command)
    {
        var (exitCode, _, error) = await RunAsync([command, "--connection", Unreachable]);

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable);
        error.ShouldStartWith("error: cannot use PostgreSQL at 127.0.0.1:1/nowhere as someone");
        error.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Runs_LastZero_ExitsTwoWithoutAskingTheDatabase()
    {
        var (exitCode, _, error) = await RunAsync(["runs", "--last", "0", "--connection", Unreachable]);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.Trim().ShouldBe("error: --last must be between 1 and 10,000.");
    }

    [Fact]
    public async Task Schema_NoDatabase_PrintsTheDataDictionary()
    {
        var (exitCode, output, error) = await RunAsync(["schema", "--connection", Unreachable]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldStartWith($"# Data dictionary: schema `{SchemaSql.DefaultSchemaName}`");
    }

    [Theory] // commands that connect; those that never do (schema, sample, import --dry-run) only warn: BrokenSettingsTests.OfflineCommand_…
    [InlineData("import", "-")]
    [InlineData("migrate")]
    [InlineData("runs")]
    [InlineData("stats")]
    public async Task Command_MistypedDbPort_ExitsTwoWithOneClearLine(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args, name => name == "DBPORT" ? "abc" : null);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldBe($"error: DBPORT 'abc' is not a port number (1-65535).{Environment.NewLine}");
        output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("stats", "--statement-timeout", "abc")]
    [InlineData("import", "-", "--statement-timeout", "30")]
    public async Task Command_MistypedStatementTimeoutOption_ExitsTwoNamingTheOption(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync([.. args, "--connection", Unreachable]);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldStartWith($"error: --statement-timeout '{args[^1]}' is not a duration");
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Command_MistypedStatementTimeoutVariable_ExitsTwoNamingTheVariable()
    {
        var (exitCode, _, error) = await RunAsync(["migrate", "--connection", Unreachable], name => name == "CLINICAL_STATEMENT_TIMEOUT" ? "an hour" : null);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldStartWith("error: CLINICAL_STATEMENT_TIMEOUT 'an hour' is not a duration");
    }

    [Fact]
    public async Task Stats_StatementTimeoutOption_ReachesTheServer()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await RunAsync(["migrate", "--connection", _database.ConnectionString]);
        // A statement of the stats that waits for a lock the test holds: only the statement timeout can end it.
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var command = new NpgsqlCommand($"LOCK TABLE {SchemaSql.DefaultSchemaName}.studies IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (exitCode, _, error) = await RunAsync(["stats", "--statement-timeout", "1s", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Failure);
        error.ShouldContain("canceling statement due to statement timeout");
        error.ShouldContain("the statement timeout is 1 s");
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
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
