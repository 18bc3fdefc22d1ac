using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class FirstLoadKeyManagerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private const string PrimaryKeys = $"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = '{SchemaSql.DefaultSchemaName}'::regnamespace AND conname <> 'study_versions_pkey'";
    private const string PausedTables = $"SELECT count(*) FROM pg_class WHERE relnamespace = '{SchemaSql.DefaultSchemaName}'::regnamespace AND reloptions::text LIKE '%autovacuum_enabled=false%'";

    private readonly PostgresDatabase _database = database;
    private NpgsqlDataSource? _dataSource;

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task PrepareRunAsync_EmptyDatabase_DropsChildKeysAndPausesAutovacuumThenBuildOwedKeysRestoresThem()
    {
        var keys = await KeyManagerAsync();
        await using var connection = await _dataSource!.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var firstLoad = await keys.PrepareRunAsync(connection, TestContext.Current.CancellationToken);
        keys.OweKeys(1);

        firstLoad.ShouldBeTrue();
        (await ScalarAsync(PrimaryKeys)).ShouldBe(3); // studies, import_runs, quarantine
        (await ScalarAsync(PausedTables)).ShouldBe(StudyTables.All.Count);
        keys.OwesKeys(1).ShouldBeTrue();

        await keys.BuildOwedKeysAsync(1, TestContext.Current.CancellationToken);

        (await ScalarAsync(PrimaryKeys)).ShouldBe(StudyTables.All.Count + 2);
        (await ScalarAsync(PausedTables)).ShouldBe(0);
        keys.OwesKeys(1).ShouldBeFalse();
    }

    [Fact]
    public async Task PrepareRunAsync_DatabaseHoldsAStudy_KeepsEveryKeyAndIsNoFirstLoad()
    {
        var keys = await KeyManagerAsync();
        await ExecuteAsync($"INSERT INTO {SchemaSql.DefaultSchemaName}.studies (nct_id) VALUES ('NCT00000001')");
        await using var connection = await _dataSource!.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var firstLoad = await keys.PrepareRunAsync(connection, TestContext.Current.CancellationToken);

        firstLoad.ShouldBeFalse();
        (await ScalarAsync(PrimaryKeys)).ShouldBe(StudyTables.All.Count + 2);
        (await ScalarAsync(PausedTables)).ShouldBe(0);
    }

    [Fact]
    public async Task PrepareRunAsync_AfterAKilledFastLoad_RestoresTheKeysAndAutovacuumItLeftOut()
    {
        var keys = await KeyManagerAsync();
        await ExecuteAsync(SchemaSql.DropChildPrimaryKeys(DatabaseSchema.Default, StudyTables.All) + SchemaSql.PauseAutovacuum(DatabaseSchema.Default, StudyTables.All));
        await ExecuteAsync($"INSERT INTO {SchemaSql.DefaultSchemaName}.studies (nct_id) VALUES ('NCT00000001')");
        await using var connection = await _dataSource!.OpenConnectionAsync(TestContext.Current.CancellationToken);

        var firstLoad = await keys.PrepareRunAsync(connection, TestContext.Current.CancellationToken);

        firstLoad.ShouldBeFalse();
        (await ScalarAsync(PrimaryKeys)).ShouldBe(StudyTables.All.Count + 2);
        (await ScalarAsync(PausedTables)).ShouldBe(0);
    }

    [Fact]
    public async Task BuildOwedKeysAsync_RunThatOwesNoKeys_LeavesTheTablesAsTheyAre()
    {
        var keys = await KeyManagerAsync();
        await ExecuteAsync(SchemaSql.DropChildPrimaryKeys(DatabaseSchema.Default, StudyTables.All));

        await keys.BuildOwedKeysAsync(42, TestContext.Current.CancellationToken);

        (await ScalarAsync(PrimaryKeys)).ShouldBe(3);
    }

    private async Task<FirstLoadKeyManager> KeyManagerAsync()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await ExecuteAsync(SchemaSql.CreateOrUpgrade(DatabaseSchema.Default, StudyTables.All));
        _dataSource ??= _database.CreateDataSource();
        return new FirstLoadKeyManager(_dataSource, new TransientErrorRetry(_dataSource, TimeProvider.System), DatabaseSchema.Default);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
