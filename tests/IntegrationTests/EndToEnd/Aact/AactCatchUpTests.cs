using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>
/// The AACT layer's stored tables after an import that never reached its end (killed after some batches committed):
/// <c>clinical migrate</c> brings them up to date with the native tables, as the next import's end would.
/// </summary>
public sealed class AactCatchUpTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Written = "Written by a run that was killed";
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Migrate_AStudyWrittenByARunKilledBeforeItsEnd_IsInTheStoredAactTablesAfterIt()
    {
        // Arrange: a batch a killed run committed is in the native tables, with a newer import time than the layer's copy
        _database.RequireAvailable();
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        var studies = DatabaseSchema.Default.Qualified("studies");
        var nctId = await ScalarAsync<string>($"SELECT min(nct_id) FROM {studies}");
        await ScalarAsync<int>($"UPDATE {studies} SET brief_title = '{Written}', imported_at = imported_at + interval '1 minute' WHERE nct_id = '{nctId}' RETURNING 1");
        var layer = $"SELECT brief_title FROM {DatabaseSchema.AactSchemaName}.studies WHERE nct_id = '{nctId}'";
        (await ScalarAsync<string>(layer)).ShouldNotBe(Written);

        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync(["migrate", "--connection", _database.ConnectionString]);

        // Assert
        exitCode.ShouldBe(ExitCodes.Success, error);
        (await ScalarAsync<string>(layer)).ShouldBe(Written);
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.AactSchemaName}.studies")).ShouldBe(200);
    }

    [Fact]
    public async Task Migrate_EveryStudyChanged_GivesTheRowsAFillOfTheEmptyLayerGives()
    {
        // Arrange: the stored tables as the first load's fill made them (every study, no changed list), kept aside; then
        // every study marked written again, so that migrate's refresh recomputes them through the changed list
        _database.RequireAvailable();
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        string[] stored = ["studies", "calculated_values", "eligibilities", "designs", "participant_flows"];
        foreach (var table in stored)
        {
            await ExecuteAsync($"CREATE TABLE public.filled_{table} AS SELECT * FROM {DatabaseSchema.AactSchemaName}.{table}");
        }

        await ScalarAsync<int>($"UPDATE {DatabaseSchema.Default.Qualified("studies")} SET imported_at = imported_at + interval '1 minute' RETURNING 1");

        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync(["migrate", "--connection", _database.ConnectionString]);

        // Assert: the same rows, apart from the import time the update moved
        exitCode.ShouldBe(ExitCodes.Success, error);
        foreach (var table in stored)
        {
            var refreshed = $"{DatabaseSchema.AactSchemaName}.{table}";
            var moved = table == "studies" ? " (r.created_at, r.updated_at) = (f.created_at + interval '1 minute', f.updated_at + interval '1 minute') AND" : string.Empty;
            var differing = $"""
                SELECT count(*) FROM public.filled_{table} f FULL JOIN {refreshed} r ON r.nct_id = f.nct_id
                 WHERE r.nct_id IS NULL OR f.nct_id IS NULL
                    OR NOT ({moved} (to_jsonb(r) - 'created_at' - 'updated_at') = (to_jsonb(f) - 'created_at' - 'updated_at'))
                """;
            (await ScalarAsync<long>(differing)).ShouldBe(0, table);
            (await ScalarAsync<long>($"SELECT count(*) FROM {refreshed}")).ShouldBeGreaterThan(0, table);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
