using System.Collections.Concurrent;
using System.Text.Json;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.History;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The run ledger: the one-import-at-a-time advisory lock and the <c>import_runs</c> bookkeeping. A run holds a session
/// advisory lock on a connection of its own from <see cref="BeginAsync"/> to <see cref="CompleteAsync"/> (a process that
/// dies lets it go with its connection); holding it, the ledger marks runs still <c>running</c> as interrupted, since no
/// other run can be alive. With an <see cref="StudyVersionArchive"/>, a study marked deleted keeps its last state as a version.
/// </summary>
public sealed class RunLedger(NpgsqlDataSource dataSource, TransientErrorRetry retry, DatabaseSchema schema, StudyVersionArchive? archive = null)
{
    private static readonly string ToolVersion = typeof(RunLedger).Assembly.GetName().Version?.ToString() ?? "0";

    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly TransientErrorRetry _retry = retry;
    private readonly DatabaseSchema _schema = schema;
    private readonly StudyVersionArchive? _archive = archive;

    // Per running import: the connection that holds its advisory lock.
    private readonly ConcurrentDictionary<long, NpgsqlConnection> _locks = new();

    /// <summary>
    /// Takes the database for a run, marks killed runs interrupted, runs <paramref name="prepare"/> on the lock's
    /// connection (what the other parts do before a run), and records the run. Throws
    /// <see cref="ImportAlreadyRunningException"/> naming the run that holds the database. On any failure the lock is let
    /// go, and the failure that happened is the one thrown: a cleanup that fails too (the connection broke) is dropped.
    /// </summary>
    public async Task<long> BeginAsync(StudySourceInfo source, Func<NpgsqlConnection, CancellationToken, Task> prepare, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(prepare);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        bool locked;
        try
        {
            locked = await connection.ScalarAsync<bool>($"SELECT pg_try_advisory_lock({SchemaSql.RunLockKey})", cancellationToken);
            if (!locked)
            {
                var running = await connection.ScalarAsync<string?>(
                    $"SELECT format('run %s (%s, started %s)', run_id, source_path, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS TZ')) FROM {_schema.Qualified("import_runs")} WHERE status = 'running' ORDER BY run_id DESC LIMIT 1",
                    cancellationToken);
                throw new ImportAlreadyRunningException(
                    $"Another import is running against this database{(running is null ? string.Empty : $": {running}")}. Wait for it to finish, then run again.");
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        try
        {
            await connection.ExecuteAsync(
                $"UPDATE {_schema.Qualified("import_runs")} SET status = 'interrupted', finished_at = now(), error = coalesce(error, 'the process ended without completing the run (killed?); a re-run completes the import') WHERE status = 'running'",
                cancellationToken);
            await prepare(connection, cancellationToken);
            var runId = await InsertRunAsync(connection, source, cancellationToken);
            _locks[runId] = connection;
            return runId;
        }
        catch
        {
            await ReleaseAsync(connection, "SELECT pg_advisory_unlock_all()");
            throw;
        }
    }

    /// <summary>Marks the run finished with its outcome and counts, and lets the database go for the next run.</summary>
    public async Task CompleteAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            await _retry.ExecuteAsync(token => UpdateRunAsync(runId, result, token), cancellationToken);
        }
        finally
        {
            _archive?.EndRun(runId);
            if (_locks.TryRemove(runId, out var connection))
            {
                await ReleaseAsync(connection, $"SELECT pg_advisory_unlock({SchemaSql.RunLockKey})");
            }
        }
    }

    /// <summary>
    /// After a complete read of a full registry file: marks every stored study that is not in <paramref name="seen"/> as
    /// deleted by the run (soft delete: its rows stay). Returns how many were marked.
    /// </summary>
    public async Task<long> MarkAbsentStudiesDeletedAsync(long runId, IReadOnlyCollection<string> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("CREATE TEMP TABLE seen (nct_id text PRIMARY KEY) ON COMMIT DROP", cancellationToken, transaction);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY seen (nct_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var nctId in seen)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(nctId, NpgsqlDbType.Text, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var absent = new List<string>();
        await using (var find = new NpgsqlCommand(
            $"SELECT nct_id FROM {_schema.Qualified("studies")} s WHERE s.deleted_in_run IS NULL AND NOT EXISTS (SELECT 1 FROM seen WHERE seen.nct_id = s.nct_id) FOR UPDATE",
            connection,
            transaction))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                absent.Add(reader.GetString(0));
            }
        }

        if (_archive is not null && _archive.Keeps(runId))
        {
            await _archive.ArchiveAsync(connection, transaction, runId, absent, absent, cancellationToken);
        }

        await using var mark = new NpgsqlCommand(
            $"UPDATE {_schema.Qualified("studies")} SET deleted_in_run = $1 WHERE nct_id = ANY($2)",
            connection,
            transaction);
        mark.Parameters.Add(new NpgsqlParameter { Value = runId });
        mark.Parameters.Add(new NpgsqlParameter { Value = absent.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var deleted = await mark.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public static string StatusName(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "succeeded",
        ImportStatus.SucceededWithWarnings => "succeeded_with_warnings",
        ImportStatus.InputError => "input_error",
        ImportStatus.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>The source is stored as it describes itself (a file path as given, "-" for stdin, an API URL).</summary>
    private async Task<long> InsertRunAsync(NpgsqlConnection connection, StudySourceInfo source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {_schema.Qualified("import_runs")} (source_path, source_kind, source_bytes, status, tool_version) VALUES ($1, $2, $3, 'running', $4) RETURNING run_id",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = source.Path });
        command.Parameters.Add(new NpgsqlParameter { Value = source.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)source.SizeBytes ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = ToolVersion });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Unlocks and closes the lock's connection. A pooled connection keeps session locks until it is reused, hence the
    /// explicit unlock. When that fails the connection is broken and the lock went with it: the failure is dropped (the
    /// caller's own error, if any, is the one that matters), and the pool is cleared so the connection is not reused.
    /// </summary>
    private async Task ReleaseAsync(NpgsqlConnection connection, string unlockSql)
    {
        var unlocked = false;
        try
        {
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync(unlockSql, CancellationToken.None);
                unlocked = true;
            }
        }
        catch (Exception)
        {
            // The connection is gone, and with it the lock.
        }

        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception)
        {
            // Closing a broken connection can fail too; there is nothing left to release.
        }

        if (!unlocked)
        {
            _dataSource.Clear();
        }
    }

    private async Task UpdateRunAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            UPDATE {_schema.Qualified("import_runs")}
               SET finished_at = now(), status = $2, studies_read = $3, studies_written = $4, studies_unchanged = $5,
                   studies_rejected = $6, duplicates = $7, warnings = $8, rows_written = $9, warnings_by_rule = $10::jsonb, error = $11, unknown_paths = $12::jsonb, studies_deleted = $13
             WHERE run_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = StatusName(result.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Read });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Written });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Unchanged });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Rejected });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Duplicates });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Warnings });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Rows });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result.WarningsByRule, PersistenceJsonContext.Default.IReadOnlyDictionaryStringInt64), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)result.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(result.UnknownPaths, PersistenceJsonContext.Default.IReadOnlyDictionaryStringInt64), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = result.Deleted });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
