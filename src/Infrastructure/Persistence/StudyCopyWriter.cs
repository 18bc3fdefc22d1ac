using System.Buffers;
using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Copy;
using Clinical.Infrastructure.Persistence.History;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The COPY writer: encodes studies into binary COPY rows (<see cref="Prepare"/>) and writes a batch in one transaction.
/// Inside it, a study whose raw JSON hash is already stored is skipped; a new or changed study has every row it had
/// deleted (its findings too) and its rows copied in, so its keys stay the same; rejects go to quarantine. One attempt:
/// the caller retries a batch, which rolled back as a whole. With an <see cref="StudyVersionArchive"/>, a replaced study's
/// state is kept as a version in the same transaction, its rows read in the pass that deletes them.
/// </summary>
public sealed class StudyCopyWriter(NpgsqlDataSource dataSource, TimeProvider timeProvider, DatabaseSchema schema, StudyVersionArchive? archive = null)
{

    private const int StagingBytes = 1 << 18;

    private const string BatchSettings = "SET LOCAL synchronous_commit = off";

    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly DatabaseSchema _schema = schema;
    private readonly string[] _deleteStatements = [.. SchemaSql.DeleteStudies(schema, StudyTables.All)];
    private readonly StudyVersionArchive? _archive = archive;

    // The batch transactions' settings: see WriteBatchAsync; lz4 is added when the server was built with it.
    private volatile string _batchSettings = BatchSettings;

    /// <summary>Before a run: compresses long texts with lz4 from now on, if the server has it.</summary>
    public async Task ConfigureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var lz4 = await connection.ScalarAsync<bool>("SELECT coalesce(bool_or('lz4' = ANY (enumvals)), false) FROM pg_settings WHERE name = 'default_toast_compression'", cancellationToken);
        _batchSettings = lz4 ? $"{BatchSettings}; SET LOCAL default_toast_compression = lz4" : BatchSettings;
    }

    /// <summary>The study's rows in every table (findings included), with its lineage: one segment per table of <see cref="StudyTables.All"/>.</summary>
    public PreparedStudy Prepare(long runId, StoredStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var importedAt = DateTime.SpecifyKind(_timeProvider.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
        return StudyRowEncoder.Encode(StudyTables.All, study, new StudyLineage(runId, study.ContentSha256, importedAt, study.Shape?.ToUtf8Json()));
    }

    /// <summary>The stored content hashes of those of <paramref name="nctIds"/> that are in the database.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> GetStoredHashesAsync(IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadStoredHashesAsync(connection, null, nctIds, cancellationToken);
    }

    /// <summary>Writes the batch in one transaction (one attempt). The studies' rows are not released.</summary>
    public async Task<BatchWriteResult> WriteBatchAsync(long runId, IReadOnlyList<PreparedStudy> studies, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(rejects);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // This transaction's commit does not wait for its WAL to reach disk. A crash can lose the last few committed
        // batches (never half of one: the database stays consistent), and re-running the import writes them again.
        // Long texts (descriptions, criteria) are compressed with lz4 where the server has it: pglz_compress is a large
        // share of the server's CPU in an import (docs/performance.md); lz4 compresses several times faster and reads
        // back faster too.
        await connection.ExecuteAsync(_batchSettings, cancellationToken, transaction);

        var stored = await ReadStoredHashesAsync(connection, transaction, [.. studies.Select(s => s.NctId.Value)], cancellationToken);
        var changed = new List<PreparedStudy>(studies.Count);
        var replaced = new List<string>();
        var present = new List<string>();
        foreach (var study in studies)
        {
            var id = study.NctId.Value;
            if (!stored.TryGetValue(id, out var hash))
            {
                changed.Add(study);
            }
            else if (!hash.AsSpan().SequenceEqual(study.ContentSha256))
            {
                changed.Add(study);
                replaced.Add(id);
                if (hash.Length > 0)
                {
                    present.Add(id);
                }
            }
        }

        if (replaced.Count > 0)
        {
            if (_archive is not null && _archive.Keeps(runId))
            {
                await _archive.ReplaceAsync(connection, transaction, runId, replaced, present, cancellationToken);
            }
            else
            {
                await DeleteAsync(connection, transaction, [.. replaced], cancellationToken);
            }
        }

        long rows = 0;
        if (changed.Count > 0)
        {
            rows = await CopyAsync(connection, changed, cancellationToken);
        }

        if (rejects.Count > 0)
        {
            await QuarantineAsync(connection, runId, rejects, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BatchWriteResult(changed.Count, studies.Count - changed.Count, rows);
    }

    private async Task<Dictionary<string, byte[]>> ReadStoredHashesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (nctIds.Count == 0)
        {
            return hashes;
        }

        // A soft-deleted study that is back in the registry has no "stored" hash: it is rewritten, which clears its mark.
        await using var command = new NpgsqlCommand($"SELECT nct_id, CASE WHEN deleted_in_run IS NULL THEN content_sha256 ELSE '' END FROM {_schema.Qualified("studies")} WHERE nct_id = ANY($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = nctIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hashes[reader.GetString(0)] = reader.GetFieldValue<byte[]>(1);
        }

        return hashes;
    }

    private async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] nctIds, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var statement in _deleteStatements)
        {
            var command = new NpgsqlBatchCommand(statement);
            command.Parameters.Add(new NpgsqlParameter { Value = nctIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One raw binary COPY per table that has rows in this batch: the header, each study's segment for the table, the
    /// trailer. The segments go through a staging buffer, so Npgsql sees a few large writes.
    /// </summary>
    private async Task<long> CopyAsync(NpgsqlConnection connection, List<PreparedStudy> studies, CancellationToken cancellationToken)
    {
        var tables = StudyTables.All;
        foreach (var study in studies)
        {
            if (study.Segments != tables.Count)
            {
                throw new ArgumentException($"Study {study.NctId} was prepared with {study.Segments} segments, not the {tables.Count} tables of this store.", nameof(studies));
            }
        }

        var staging = ArrayPool<byte>.Shared.Rent(StagingBytes);
        try
        {
            for (var t = 0; t < tables.Count; t++)
            {
                if (!studies.Exists(s => !s.Segment(t).IsEmpty))
                {
                    continue;
                }

                await using var stream = await connection.BeginRawBinaryCopyAsync(SchemaSql.Copy(_schema, tables[t]), cancellationToken);
                BinaryCopyBuffer.Header.CopyTo(staging, 0);
                var used = BinaryCopyBuffer.Header.Length;
                foreach (var study in studies)
                {
                    var segment = study.Segment(t);
                    if (used + segment.Length > staging.Length)
                    {
                        await stream.WriteAsync(staging.AsMemory(0, used), cancellationToken);
                        used = 0;
                        if (segment.Length > staging.Length)
                        {
                            await stream.WriteAsync(segment, cancellationToken);
                            continue;
                        }
                    }

                    segment.Span.CopyTo(staging.AsSpan(used));
                    used += segment.Length;
                }

                if (used + 2 > staging.Length)
                {
                    await stream.WriteAsync(staging.AsMemory(0, used), cancellationToken);
                    used = 0;
                }

                BinaryCopyBuffer.Trailer.CopyTo(staging.AsSpan(used));
                await stream.WriteAsync(staging.AsMemory(0, used + 2), cancellationToken);
            }

            long rows = 0;
            foreach (var study in studies)
            {
                rows += study.Rows;
            }

            return rows;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(staging);
        }
    }

    private async Task QuarantineAsync(NpgsqlConnection connection, long runId, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {_schema.Qualified("quarantine")} (run_id, ordinal, byte_offset, nct_id, reason, json_path, raw_json, content_sha256) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var reject in rejects)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(reject.Ordinal, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(reject.ByteOffset, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(writer, reject.NctId is null ? null : Clean(reject.NctId), cancellationToken);
            await writer.WriteAsync(Clean(reject.Reason), NpgsqlDbType.Text, cancellationToken);
            await WriteTextAsync(writer, reject.JsonPath, cancellationToken);
            await writer.WriteAsync(Clean(Encoding.UTF8.GetString(reject.Utf8.Span)), NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(reject.ContentSha256, NpgsqlDbType.Bytea, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter writer, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
        }
    }

    /// <summary>Quarantined text is kept as readable as possible: invalid UTF-8 becomes U+FFFD, U+0000 is dropped.</summary>
    private static string Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
}
