using Clinical.Application.Studies.Import;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class RunLedgerTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private const string AdvisoryLocksHere = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    private static readonly Func<NpgsqlConnection, CancellationToken, Task> Nothing = (_, _) => Task.CompletedTask;

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
    public async Task BeginAsync_LockHeldByAnotherRun_ThrowsImportAlreadyRunningNamingThatRun()
    {
        var ledger = await LedgerAsync();
        var first = await ledger.BeginAsync(new StudySourceInfo("first.json", "json-array", 1), Nothing, TestContext.Current.CancellationToken);

        var second = await Should.ThrowAsync<ImportAlreadyRunningException>(() => ledger.BeginAsync(new StudySourceInfo("second.json", "json-array", 1), Nothing, TestContext.Current.CancellationToken));

        second.Message.ShouldContain($"run {first}");
        second.Message.ShouldContain("first.json");
        await ledger.CompleteAsync(first, Result(first, ImportStatus.Succeeded), TestContext.Current.CancellationToken);
        var third = await ledger.BeginAsync(new StudySourceInfo("third.json", "json-array", 1), Nothing, TestContext.Current.CancellationToken);
        third.ShouldBeGreaterThan(first);
        await ledger.CompleteAsync(third, Result(third, ImportStatus.Succeeded), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BeginAsync_PrepareBreaksTheConnection_SurfacesItsOwnErrorAndLetsTheDatabaseGo()
    {
        var ledger = await LedgerAsync();

        // The server ends the lock's session in the middle of BeginRun: the unlock in the cleanup cannot run.
        var thrown = await Should.ThrowAsync<PostgresException>(() => ledger.BeginAsync(
            new StudySourceInfo("broken.json", "json-array", 1),
            (connection, token) => connection.ExecuteAsync("SELECT pg_terminate_backend(pg_backend_pid())", token),
            TestContext.Current.CancellationToken));

        thrown.SqlState.ShouldBe(PostgresErrorCodes.AdminShutdown);
        // The server lets the session's lock go as its backend exits, which it does after the client has seen the error:
        // wait for that (not for a while), then the database is free for the next run.
        for (var seen = 0; await ScalarAsync<long>(AdvisoryLocksHere) > 0; seen++)
        {
            seen.ShouldBeLessThan(1_000, "the terminated session's lock was never let go");
            await Task.Yield();
        }

        var next = await ledger.BeginAsync(new StudySourceInfo("next.json", "json-array", 1), Nothing, TestContext.Current.CancellationToken);
        await ledger.CompleteAsync(next, Result(next, ImportStatus.Succeeded), TestContext.Current.CancellationToken);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE source_path = 'broken.json'")).ShouldBe(0);
    }

    [Fact]
    public async Task BeginAsync_PrepareThrows_SurfacesThatExceptionAndReleasesTheLock()
    {
        var ledger = await LedgerAsync();
        var failure = new InvalidOperationException("the key manager failed");

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => ledger.BeginAsync(
            new StudySourceInfo("failing.json", "json-array", 1), (_, _) => Task.FromException(failure), TestContext.Current.CancellationToken));

        thrown.ShouldBeSameAs(failure);
        (await ScalarAsync<long>(AdvisoryLocksHere)).ShouldBe(0);
    }

    [Theory]
    [InlineData("-", "stdin")]
    [InlineData("data/ctg-studies.json", "json-array")]
    [InlineData("https://clinicaltrials.gov/api/v2/studies?query.cond=asthma", "api")]
    public async Task BeginAsync_AnySource_StoresThePathAsTheSourceDescribesIt(string path, string kind)
    {
        var ledger = await LedgerAsync();

        var run = await ledger.BeginAsync(new StudySourceInfo(path, kind, null), Nothing, TestContext.Current.CancellationToken);
        await ledger.CompleteAsync(run, Result(run, ImportStatus.Succeeded), TestContext.Current.CancellationToken);

        (await ScalarAsync<string>($"SELECT source_path FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE run_id = {run}")).ShouldBe(path);
        (await ScalarAsync<string>($"SELECT source_kind FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE run_id = {run}")).ShouldBe(kind);
    }

    [Fact]
    public async Task BeginAsync_RunLeftRunningByAKilledProcess_MarksItInterrupted()
    {
        var ledger = await LedgerAsync();
        await ExecuteAsync($"INSERT INTO {SchemaSql.DefaultSchemaName}.import_runs (source_path, source_kind, status) VALUES ('killed.json', 'json-array', 'running')");

        var run = await ledger.BeginAsync(new StudySourceInfo("next.json", "json-array", 1), Nothing, TestContext.Current.CancellationToken);
        await ledger.CompleteAsync(run, Result(run, ImportStatus.Succeeded), TestContext.Current.CancellationToken);

        (await ScalarAsync<string>($"SELECT status FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE source_path = 'killed.json'")).ShouldBe("interrupted");
    }

    [Fact]
    public async Task CompleteAsync_FailedRun_RecordsOutcomeAndCountsAndReleasesTheLock()
    {
        var ledger = await LedgerAsync();
        var run = await ledger.BeginAsync(new StudySourceInfo("input.json", "json-array", 10), Nothing, TestContext.Current.CancellationToken);
        (await ScalarAsync<string>($"SELECT status FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE run_id = {run}")).ShouldBe("running");

        await ledger.CompleteAsync(run, Result(run, ImportStatus.Failed, read: 7, error: "the disk is full"), TestContext.Current.CancellationToken);

        (await ScalarAsync<string>($"SELECT status || ' ' || studies_read || ' ' || error FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE run_id = {run}")).ShouldBe("failed 7 the disk is full");
        (await ScalarAsync<long>(AdvisoryLocksHere)).ShouldBe(0);
    }

    private async Task<RunLedger> LedgerAsync()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await ExecuteAsync(SchemaSql.CreateOrUpgrade(DatabaseSchema.Default, StudyTables.All));
        _dataSource ??= _database.CreateDataSource();
        return new RunLedger(_dataSource, new TransientErrorRetry(_dataSource, TimeProvider.System), DatabaseSchema.Default);
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

    private static ImportStudiesResult Result(long runId, ImportStatus status, long read = 0, string? error = null) =>
        new(runId, status, read, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, error, new Dictionary<string, long>(), new Dictionary<string, long>());
}
