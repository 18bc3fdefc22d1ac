using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// A database an older Clinical filled keeps its native tables in ctgov; <c>migrate</c> (and <c>import</c>) move them to
/// the native schema with every row, and leave a ctgov that is not ours alone.
/// </summary>
public sealed class LegacySchemaMigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Legacy = DatabaseSchema.AactSchemaName;
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Migrate_TablesOfAnOlderVersionInCtgov_MovesThemToRegistryWithEveryRow()
    {
        _database.RequireAvailable();
        var before = await OldLayoutAsync();

        var (exitCode, output, error) = await RunAsync(["migrate", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain($"schema {SchemaSql.DefaultSchemaName} is up to date");
        (await TestImporter.TableChecksumsAsync(_database.ConnectionString, LedgerAndStudyTables)).ShouldBe(before);
        (await ScalarAsync<bool>($"SELECT to_regclass('{Legacy}.import_runs') IS NULL")).ShouldBeTrue(); // the AACT layer, not the old tables, lives there now
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.AactSchemaName}.calculated_values")).ShouldBe(200);
    }

    [Fact]
    public async Task Migrate_RunAgainAfterTheMove_ChangesNothing()
    {
        _database.RequireAvailable();
        await OldLayoutAsync();
        await RunAsync(["migrate", "--connection", _database.ConnectionString]);
        var afterFirst = await TestImporter.TableChecksumsAsync(_database.ConnectionString, LedgerAndStudyTables);

        var (exitCode, _, error) = await RunAsync(["migrate", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        (await TestImporter.TableChecksumsAsync(_database.ConnectionString, LedgerAndStudyTables)).ShouldBe(afterFirst);
    }

    [Fact]
    public async Task Import_TablesOfAnOlderVersionInCtgov_MovesThemFirstAndFindsEveryStudyUnchanged()
    {
        _database.RequireAvailable();
        await OldLayoutAsync();
        var lastRun = await ScalarAsync<long>($"SELECT max(run_id) FROM {Legacy}.import_runs");

        var result = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);

        result.Unchanged.ShouldBe(200);
        result.Written.ShouldBe(0);
        result.RunId.ShouldBe(lastRun + 1); // the ledger's identity moved with it
        (await ScalarAsync<bool>($"SELECT to_regclass('{Legacy}.import_runs') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Migrate_SchemaOption_MovesTheOldTablesIntoThatSchema()
    {
        _database.RequireAvailable();
        var before = await OldLayoutAsync();

        var (exitCode, output, error) = await RunAsync(["migrate", "--schema", "trials", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("schema trials is up to date");
        (await ScalarAsync<long>("SELECT count(*) FROM trials.studies")).ShouldBe(200);
        (await ScalarAsync<long>("SELECT count(*) FROM trials.import_runs")).ShouldBe(long.Parse(before["import_runs"].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture));
        await ExecuteAsync("DROP SCHEMA trials CASCADE");
    }

    [Fact]
    public async Task Migrate_OldTablesInCtgovAndCurrentOnesInRegistry_RefusesNamingBothAndMovesNothing()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await RunAsync(["migrate", "--connection", _database.ConnectionString]);
        await ExecuteAsync($"DROP SCHEMA {Legacy} CASCADE; CREATE SCHEMA {Legacy}; CREATE TABLE {Legacy}.import_runs (run_id bigint, source_kind text)");

        var (exitCode, _, error) = await RunAsync(["migrate", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Failure);
        error.ShouldContain($"schema {Legacy} holds the tables of an older Clinical and schema {SchemaSql.DefaultSchemaName} holds the current ones: drop or rename one of them, then run clinical migrate again");
        (await ScalarAsync<bool>($"SELECT to_regclass('{Legacy}.import_runs') IS NOT NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task Migrate_CtgovThatIsNotOurs_LeavesItAlone()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await ExecuteAsync($"""
            CREATE SCHEMA {Legacy};
            CREATE TABLE {Legacy}.studies (nct_id varchar, overall_status varchar);
            INSERT INTO {Legacy}.studies VALUES ('NCT00000001', 'Completed');
            CREATE VIEW {Legacy}.calculated_values AS SELECT nct_id FROM {Legacy}.studies;
            """);

        var (exitCode, _, error) = await RunAsync(["migrate", "--connection", _database.ConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        (await ScalarAsync<string>($"SELECT overall_status FROM {Legacy}.studies")).ShouldBe("Completed");
        (await ScalarAsync<long>($"SELECT count(*) FROM {Legacy}.calculated_values")).ShouldBe(1);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(0);
    }

    private static IEnumerable<string> LedgerAndStudyTables => StudyTables.All.Select(t => t.Name).Prepend("quarantine").Prepend("import_runs");

    /// <summary>
    /// The layout of the versions before the move: the DDL was the same but for the schema's name, so the current
    /// import fills the native schema, which is then renamed to ctgov in place of the AACT layer. Returns the checksums of its tables.
    /// </summary>
    private async Task<Dictionary<string, string>> OldLayoutAsync()
    {
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        await ExecuteAsync($"UPDATE {SchemaSql.DefaultSchemaName}.studies SET brief_title = brief_title || ' (stored by the old version)' WHERE nct_id = (SELECT min(nct_id) FROM {SchemaSql.DefaultSchemaName}.studies)");
        var checksums = await TestImporter.TableChecksumsAsync(_database.ConnectionString, LedgerAndStudyTables);
        // The old versions had no AACT layer (the name ctgov was the native schema's) and no history.
        var native = DatabaseSchema.Default;
        await ExecuteAsync($"""
            DROP FUNCTION {native.Qualified("studies_as_of")}(date);
            DROP TABLE {native.Qualified("study_versions")} CASCADE;
            DROP FUNCTION {native.Qualified("primary_outcomes_of")}(text);
            DROP SCHEMA {Legacy} CASCADE;
            ALTER SCHEMA {native.Identifier} RENAME TO {Legacy};
            """);
        return checksums;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, console, output, error, _ => null);
        return (exitCode, console.Output + output, error.ToString());
    }
}
