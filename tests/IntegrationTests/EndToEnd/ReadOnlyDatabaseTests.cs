using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// A server that takes no writes (<c>default_transaction_read_only = on</c>, which is also how a hot standby answers):
/// one clear line and exit 4, for import and migrate; the run ledger holds no run left <c>running</c>.
/// </summary>
public sealed class ReadOnlyDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task ImportAndMigrate_ReadOnlyDatabase_OneLineExit4AndNoRunLeftRunning()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        (await CliRunner.RunAsync(["import", TestFixtures.RealStudiesPath, "--quiet", "--connection", _database.ConnectionString])).ExitCode.ShouldBe(ExitCodes.Success);
        var runsBefore = await RunsAsync();
        await ExecuteAsync($"ALTER DATABASE {_database.Name} SET default_transaction_read_only = on");
        NpgsqlConnection.ClearAllPools();

        try
        {
            var (importExit, _, importError) = await CliRunner.RunAsync(["import", TestFixtures.RealStudiesPath, "--connection", _database.ConnectionString]);
            var (migrateExit, _, migrateError) = await CliRunner.RunAsync(["migrate", "--connection", _database.ConnectionString]);

            importExit.ShouldBe(ExitCodes.DatabaseUnavailable, importError);
            var line = CliRunner.Lines(importError).ShouldHaveSingleItem();
            line.ShouldStartWith($"error: cannot write to PostgreSQL at 127.0.0.1:");
            line.ShouldContain("the server is read-only");
            line.ShouldContain("default_transaction_read_only = on");
            CliRunner.ShouldHoldNoStackTrace(importError);
            migrateExit.ShouldBe(ExitCodes.DatabaseUnavailable, migrateError);
            CliRunner.Lines(migrateError).ShouldHaveSingleItem().ShouldBe(line);
            var runsAfter = await RunsAsync();
            runsAfter.ShouldBe(runsBefore);
            runsAfter.ShouldNotContain("running");
            TestContext.Current.SendDiagnosticMessage($"read-only: {line}");
        }
        finally
        {
            await ExecuteAsync($"ALTER DATABASE {_database.Name} RESET default_transaction_read_only");
            NpgsqlConnection.ClearAllPools();
        }
    }

    private async Task<string> RunsAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT string_agg(run_id || ':' || status, ',' ORDER BY run_id) FROM {DatabaseSchema.Default.Qualified("import_runs")}", connection);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Runs SQL on the server's postgres database: the test database itself is read-only for a while.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
