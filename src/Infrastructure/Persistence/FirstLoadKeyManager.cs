using System.Collections.Concurrent;
using Clinical.Infrastructure.Persistence.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The first-load fast path. When a run starts on a database that holds no study yet, the child tables lose their
/// primary keys and autovacuum while they fill (keys maintained row by row, and autovacuum's VACUUM ANALYZE of tables
/// still being filled, slow the load: docs/performance.md); after the load the keys are built at once on
/// <see cref="KeyBuilders"/> connections and autovacuum comes back on, which then analyzes the new tables. A run that
/// starts after a killed fast load first restores the keys it left out. Dropping and building keys and pausing autovacuum
/// need ownership of the tables: a loader role that does not own them loads with the keys in place (slower, the same
/// result), and says so in the log (<c>--verbose</c>).
/// </summary>
public sealed partial class FirstLoadKeyManager(NpgsqlDataSource dataSource, TransientErrorRetry retry, DatabaseSchema schema, ILogger<FirstLoadKeyManager>? logger = null)
{
    /// <summary>Connections that build the primary keys after a first load, a share of the tables each.</summary>
    public const int KeyBuilders = 2;

    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly TransientErrorRetry _retry = retry;
    private readonly DatabaseSchema _schema = schema;
    private readonly ILogger<FirstLoadKeyManager> _logger = logger ?? NullLogger<FirstLoadKeyManager>.Instance;

    // Runs that are first loads whose keys are not built yet.
    private readonly ConcurrentDictionary<long, byte> _keysOwed = new();

    /// <summary>
    /// Before a run, on the connection that holds the run lock: restores primary keys a killed fast load left out and
    /// turns autovacuum back on; then, if the database holds no study, drops the child tables' primary keys and pauses
    /// autovacuum. Returns whether the run is a first load (its keys are then owed: see <see cref="OweKeys"/>).
    /// </summary>
    public async Task<bool> PrepareRunAsync(NpgsqlConnection lockConnection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lockConnection);
        if (!await SchemaAccess.OwnsSchemaAsync(lockConnection, _schema, cancellationToken))
        {
            // Not the owner: no key may be dropped or built, no table altered. Keys a killed fast load left out would make
            // the upsert fail; restoring them is a no-op when they are all there, and names the missing ownership when not.
            await lockConnection.ExecuteAsync(SchemaSql.RestorePrimaryKeys(_schema, StudyTables.All), cancellationToken);
            if (!await lockConnection.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {_schema.Qualified("studies")})", cancellationToken))
            {
                LogKeptKeys(lockConnection.UserName ?? "?", _schema.Name);
            }

            return false;
        }

        await lockConnection.ExecuteAsync(SchemaSql.RestorePrimaryKeys(_schema, StudyTables.All) + SchemaSql.ResumeAutovacuum(_schema, StudyTables.All), cancellationToken);
        var firstLoad = !await lockConnection.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {_schema.Qualified("studies")})", cancellationToken);
        if (firstLoad)
        {
            await lockConnection.ExecuteAsync(SchemaSql.DropChildPrimaryKeys(_schema, StudyTables.All) + SchemaSql.PauseAutovacuum(_schema, StudyTables.All), cancellationToken);
        }

        return firstLoad;
    }

    /// <summary>Remembers that run <paramref name="runId"/> is a first load: its keys are built by <see cref="BuildOwedKeysAsync"/>.</summary>
    public void OweKeys(long runId) => _keysOwed[runId] = 0;

    /// <summary>Whether run <paramref name="runId"/> still owes its keys.</summary>
    public bool OwesKeys(long runId) => _keysOwed.ContainsKey(runId);

    /// <summary>
    /// After a first load: builds the keys the run owes (retried after a transient error; still owed if it fails), then
    /// forgets them. Does nothing for a run that owes none.
    /// </summary>
    public async Task BuildOwedKeysAsync(long runId, CancellationToken cancellationToken)
    {
        if (!_keysOwed.ContainsKey(runId))
        {
            return;
        }

        await _retry.ExecuteAsync(BuildPrimaryKeysAsync, cancellationToken);
        _keysOwed.TryRemove(runId, out _);
    }

    /// <summary>
    /// Every missing primary key, built by <see cref="KeyBuilders"/> connections at once, each taking the largest table left
    /// (two connections keep both cores busy where one leaves the second idle between tables), then autovacuum back on.
    /// </summary>
    public async Task BuildPrimaryKeysAsync(CancellationToken cancellationToken)
    {
        await using var sizes = _dataSource.CreateCommand(
            $"SELECT c.relname FROM pg_class c WHERE c.relnamespace = {_schema.Literal}::regnamespace AND c.relkind = 'r' ORDER BY pg_relation_size(c.oid) DESC, c.relname");
        var order = new List<string>();
        await using (var reader = await sizes.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                order.Add(reader.GetString(0));
            }
        }

        var queue = new ConcurrentQueue<Table>(StudyTables.All.OrderBy(t => order.IndexOf(t.Name) is var i and >= 0 ? i : int.MaxValue));
        await Task.WhenAll(Enumerable.Range(0, KeyBuilders).Select(async _ =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            while (queue.TryDequeue(out var table))
            {
                await connection.ExecuteAsync(SchemaSql.RestorePrimaryKeys(_schema, [table]), cancellationToken);
            }
        }));

        await using var resume = await _dataSource.OpenConnectionAsync(cancellationToken);
        await resume.ExecuteAsync(SchemaSql.ResumeAutovacuum(_schema, StudyTables.All), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First load without the fast path: the role {Role} does not own the tables of schema {Schema}, so their primary keys stay in place while they fill (dropping and rebuilding them needs ownership); slower, the same result")]
    private partial void LogKeptKeys(string role, string schema);
}
