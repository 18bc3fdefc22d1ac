using Clinical.Application.Studies.Import;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class PostgresStudyRepositoryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task BeginRunAsync_WhileAnotherRunHoldsTheDatabase_FailsFastNamingThatRun()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await using var services = TestImporter.BuildServices(_database.ConnectionString);
        var repository = services.GetRequiredService<IRunLedger>();
        var first = await repository.BeginRunAsync(new StudySourceInfo("first.json", "json-array", 1), true, TestContext.Current.CancellationToken);

        var second = await Should.ThrowAsync<ImportAlreadyRunningException>(() => TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath));

        second.Message.ShouldContain($"run {first}");
        second.Message.ShouldContain("first.json");
        await repository.CompleteRunAsync(first, EmptyResult(first), TestContext.Current.CancellationToken);
        var third = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        third.Written.ShouldBe(200);
    }

    [Fact]
    public async Task Import_IntoAnEmptyDatabase_LeavesEveryPrimaryKeyInPlaceAndAutovacuumOn()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();

        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var keys = new NpgsqlCommand($"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = '{SchemaSql.DefaultSchemaName}'::regnamespace AND conname <> 'study_versions_pkey'", connection);
        ((long)(await keys.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(StudyTables.All.Count + 2); // + import_runs, quarantine
        await using var paused = new NpgsqlCommand($"SELECT count(*) FROM pg_class WHERE relnamespace = '{SchemaSql.DefaultSchemaName}'::regnamespace AND reloptions::text LIKE '%autovacuum_enabled%'", connection);
        ((long)(await paused.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
    }

    [Fact]
    public async Task Import_OnAServerWithLz4_CompressesLongTextsWithLz4()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var supported = new NpgsqlCommand("SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression'", connection))
        {
            Assert.SkipUnless((bool)(await supported.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, "this PostgreSQL was built without lz4");
        }

        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);

        await using var methods = new NpgsqlCommand(
            $"SELECT count(*) FILTER (WHERE pg_column_compression(detailed_description) = 'lz4'), count(*) FILTER (WHERE pg_column_compression(detailed_description) = 'pglz') FROM {SchemaSql.DefaultSchemaName}.studies",
            connection);
        await using var reader = await methods.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        reader.GetInt64(0).ShouldBeGreaterThan(0);
        reader.GetInt64(1).ShouldBe(0);
    }

    [Fact]
    public async Task BeginRunAsync_AfterAFastLoadWasKilled_RestoresTheMissingPrimaryKeys()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var drop = new NpgsqlCommand(SchemaSql.DropChildPrimaryKeys(DatabaseSchema.Default, StudyTables.All), connection))
        {
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken); // what a killed first load leaves
        }

        var rerun = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);

        rerun.Unchanged.ShouldBe(200);
        await using var keys = new NpgsqlCommand($"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = '{SchemaSql.DefaultSchemaName}'::regnamespace AND conname <> 'study_versions_pkey'", connection);
        ((long)(await keys.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(StudyTables.All.Count + 2);
    }

    private static ImportStudiesResult EmptyResult(long runId) =>
        new(runId, ImportStatus.Succeeded, 0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, null, new Dictionary<string, long>(), new Dictionary<string, long>());
}
