using System.Collections.Concurrent;
using Clinical.Application.Schema;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Aact;
using Clinical.Infrastructure.Persistence.History;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The PostgreSQL store behind the import's ports (<see cref="IRunLedger"/>, <see cref="IStudyStore"/>,
/// <see cref="IStudyRowEncoder"/>) and the schema's (<see cref="ISchemaMigrator"/>), composed of named parts: the <see cref="RunLedger"/> (run
/// lock and import_runs), the <see cref="StudyCopyWriter"/> (binary COPY of changed studies, quarantine, findings), the
/// <see cref="FirstLoadKeyManager"/> (keys and autovacuum around a first load) and the <see cref="TransientErrorRetry"/>
/// policy that every unit of work which rolls back as a whole runs under.
/// </summary>
public sealed class PostgresStudyRepository(
    NpgsqlDataSource dataSource,
    RunLedger ledger,
    StudyCopyWriter writer,
    FirstLoadKeyManager keys,
    TransientErrorRetry retry,
    DatabaseSchema schema,
    AactLayer aact,
    StudyVersionArchive archive)
    : IRunLedger, IStudyStore, IStudyRowEncoder, ISchemaMigrator
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly RunLedger _ledger = ledger;
    private readonly StudyCopyWriter _writer = writer;
    private readonly FirstLoadKeyManager _keys = keys;
    private readonly TransientErrorRetry _retry = retry;
    private readonly DatabaseSchema _schema = schema;
    private readonly AactLayer _aact = aact;
    private readonly StudyVersionArchive _archive = archive;

    // Runs whose load ended (FinishLoadAsync: keys built, AACT layer refreshed): their completion has nothing left to do.
    private readonly ConcurrentDictionary<long, byte> _loadFinished = new();

    /// <summary>
    /// Moves the tables an older version left in ctgov, then creates or upgrades the native schema from the table
    /// description, then the AACT layer over it: one transaction, one run at a time (a transaction-level lock). First
    /// fails with a read-only error when the server takes no writes. A role that does not own the schema (a loader role,
    /// see docs/reliability.md) changes nothing when the schema is already current; otherwise the DDL runs, and fails
    /// naming the privilege it lacks.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await SchemaAccess.ThrowIfReadOnlyAsync(connection, cancellationToken);
        if (!await SchemaAccess.OwnsSchemaAsync(connection, _schema, cancellationToken) && await SchemaAccess.IsCurrentAsync(connection, _schema, StudyTables.All, cancellationToken))
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync($"SELECT pg_advisory_xact_lock({SchemaSql.SchemaLockKey})", cancellationToken, transaction);
        await connection.ExecuteAsync(SchemaSql.MoveFromLegacySchema(_schema, StudyTables.All), cancellationToken, transaction);
        await connection.ExecuteAsync(SchemaSql.CreateOrUpgrade(_schema, StudyTables.All), cancellationToken, transaction);
        await _aact.ApplyAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The AACT layer's per-study tables catch up with every study written since their last refresh.</summary>
    public Task CatchUpDerivedTablesAsync(CancellationToken cancellationToken) => _retry.ExecuteAsync(_aact.RefreshAsync, cancellationToken);

    /// <summary>
    /// Creates or upgrades the schema (<see cref="EnsureSchemaAsync"/>), then takes the database for the run
    /// (<see cref="RunLedger.BeginAsync"/>); on the lock's connection, the key manager
    /// restores keys a killed fast load left out and starts a first load when the database holds no study yet, and the
    /// writer picks its compression. Without <paramref name="keepHistory"/>, the archive keeps no version for the run.
    /// </summary>
    public async Task<long> BeginRunAsync(StudySourceInfo source, bool keepHistory, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var firstLoad = false;
        var runId = await _ledger.BeginAsync(
            source,
            async (connection, token) =>
            {
                firstLoad = await _keys.PrepareRunAsync(connection, token);
                await _writer.ConfigureAsync(connection, token);
            },
            cancellationToken);
        if (firstLoad)
        {
            _keys.OweKeys(runId);
        }

        if (!keepHistory)
        {
            _archive.DisableFor(runId);
        }

        return runId;
    }

    public Task<IReadOnlyDictionary<string, byte[]>> GetStoredHashesAsync(IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(token => _writer.GetStoredHashesAsync(nctIds, token), cancellationToken);

    public PreparedStudy Prepare(long runId, StoredStudy study) => _writer.Prepare(runId, study);

    /// <summary>
    /// Writes the batch in one transaction, retried (it rolled back as a whole) when the connection breaks or the server
    /// restarts; then the studies' rows go back to their pool, whether the batch was written or failed for good.
    /// </summary>
    public async Task<BatchWriteResult> WriteBatchAsync(long runId, IReadOnlyList<PreparedStudy> studies, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(studies);
        try
        {
            return await _retry.ExecuteAsync(token => _writer.WriteBatchAsync(runId, studies, rejects, token), cancellationToken);
        }
        finally
        {
            foreach (var study in studies)
            {
                study.Release();
            }
        }
    }

    public Task<long> MarkAbsentStudiesDeletedAsync(long runId, IReadOnlyCollection<string> seen, CancellationToken cancellationToken) =>
        _ledger.MarkAbsentStudiesDeletedAsync(runId, seen, cancellationToken);

    /// <summary>
    /// After a first load: the keys left out, built before the run's time is taken. Statistics: autovacuum, back on,
    /// analyzes the new tables right after the run, which costs the run nothing, where an explicit ANALYZE of every table
    /// would hold the run up (docs/performance.md).
    /// Then the AACT layer's materialized tables catch up with the studies the run wrote.
    /// </summary>
    public async Task FinishLoadAsync(long runId, CancellationToken cancellationToken)
    {
        await _keys.BuildOwedKeysAsync(runId, cancellationToken);
        await _retry.ExecuteAsync(_aact.RefreshAsync, cancellationToken);
        _loadFinished.TryAdd(runId, 0);
    }

    /// <summary>
    /// For a run that failed before <see cref="FinishLoadAsync"/>: builds the keys a first load still owes and refreshes the
    /// AACT layer with what the run wrote. Then records the outcome and lets the database go, even when that could not be
    /// done (the next run restores the keys, and its end refreshes the layer).
    /// </summary>
    public async Task CompleteRunAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken)
    {
        try
        {
            if (!_loadFinished.TryRemove(runId, out _))
            {
                await _keys.BuildOwedKeysAsync(runId, cancellationToken);
                await _retry.ExecuteAsync(_aact.RefreshAsync, cancellationToken); // what a failed run wrote is in the native tables
            }
        }
        finally
        {
            await _ledger.CompleteAsync(runId, result, cancellationToken);
        }
    }
}
