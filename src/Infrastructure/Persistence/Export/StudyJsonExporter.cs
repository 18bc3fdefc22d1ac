using System.Buffers;
using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Export;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// Gives stored studies back as the registry's JSON, driven by the table description (<see cref="StudyTables"/>): for a
/// batch of NCT numbers, one round trip reads every table's rows in key order (one query per table, the findings that kept
/// a salvaged value last), and <see cref="StudyJsonAssembler"/> puts each study back together. Memory is one batch.
/// <para>
/// Entry points: <see cref="ExportAsync"/> (a selection, in its own read-only snapshot, for <c>clinical export</c>), and
/// for code that already holds a connection, possibly inside its own transaction: <see cref="ReadAsync(NpgsqlConnection, NpgsqlTransaction?, IReadOnlyList{string}, CancellationToken)"/>
/// (a stream of studies), <see cref="ReadOneAsync"/> (one study) and <see cref="ToUtf8"/> (compact UTF-8 text). The rows
/// are read from the native schema the exporter was made for.
/// </para>
/// </summary>
public sealed class StudyJsonExporter(NpgsqlDataSource dataSource, DatabaseSchema schema) : IStudyExporter
{
    /// <summary>Studies assembled at a time.</summary>
    public const int BatchSize = 100;

    /// <summary>Rules of findings whose value is a field's raw JSON, kept when the field could not be stored: it goes back at the finding's path.</summary>
    public static readonly IReadOnlyList<string> SalvageRules = ["wrong-type", "unrepresentable"];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly NpgsqlDataSource _dataSource = dataSource;

    private readonly TableExport[] _tables = [.. StudyTables.All.Where(t => !t.IsDerived).Select(t => new TableExport(t, schema))];

    // After each table's rows, the findings that kept a salvaged value's raw JSON: read, or taken (every finding of the
    // studies deleted, those returned).
    private readonly string _salvagedSql =
        $"SELECT nct_id, json_path, value FROM {schema.Qualified(StudyTables.Findings.Name)} WHERE nct_id = ANY($1) AND rule = ANY($2) AND value IS NOT NULL ORDER BY nct_id, ord";

    private readonly string _takeSalvagedSql =
        $"WITH taken AS (DELETE FROM {schema.Qualified(StudyTables.Findings.Name)} WHERE nct_id = ANY($1) RETURNING nct_id, ord, rule, json_path, value) SELECT nct_id, json_path, value FROM taken WHERE rule = ANY($2) AND value IS NOT NULL ORDER BY nct_id, ord";

    /// <summary>The native schema the rows are read from.</summary>
    public DatabaseSchema Schema { get; } = schema;

    public async IAsyncEnumerable<ExportedStudy> ExportAsync(ExportSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Where is { } where && SqlPredicate.Problem(where) is { } problem)
        {
            // Checked before the database is asked: a second statement or an unbalanced bracket never reaches it.
            throw new ExportSelectionException($"--where: {problem}");
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync($"SET TRANSACTION READ ONLY; SET LOCAL search_path = {Schema.Identifier}, public", cancellationToken, transaction);
        if (selection.AsOf is { } day)
        {
            await foreach (var study in History.AsOfExport.ReadAsync(this, connection, transaction, selection, day, BatchSize, cancellationToken))
            {
                yield return study;
            }

            yield break;
        }

        var query = new ExportSelectionQuery(selection, BatchSize, Schema);
        var after = string.Empty;
        while (true)
        {
            var page = await query.NextPageAsync(connection, transaction, after, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var study in await ReadBatchAsync(connection, transaction, page, cancellationToken))
            {
                yield return new ExportedStudy(study.NctId, ToUtf8(study.Document));
            }

            if (page.Count < BatchSize)
            {
                break;
            }

            after = page[^1];
        }
    }

    /// <summary>
    /// The stored studies of <paramref name="nctIds"/>, in that order (those not stored are left out), read on
    /// <paramref name="connection"/> inside <paramref name="transaction"/> if given (e.g. an import's, before it replaces them).
    /// </summary>
    public async IAsyncEnumerable<StudyJson> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<string> nctIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nctIds);
        for (var start = 0; start < nctIds.Count; start += BatchSize)
        {
            var batch = nctIds.Skip(start).Take(BatchSize).ToList();
            foreach (var study in await ReadBatchAsync(connection, transaction, batch, cancellationToken))
            {
                yield return study;
            }
        }
    }

    /// <summary>One stored study, or null when it is not stored.</summary>
    public async Task<JsonObject?> ReadOneAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string nctId, CancellationToken cancellationToken) =>
        (await ReadBatchAsync(connection, transaction, [nctId], cancellationToken)).FirstOrDefault()?.Document;

    /// <summary>
    /// Takes the studies of <paramref name="nctIds"/> out of the store: deletes their rows in every table and returns them
    /// as JSON, in one pass (each table's <c>DELETE … RETURNING</c>), for an import that replaces the studies and keeps the
    /// state they had. Reading them first and deleting them after costs two passes over the same rows. Every study's rows
    /// are deleted; those of <paramref name="wanted"/> come back, in that order.
    /// </summary>
    public async Task<List<StudyJson>> TakeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> nctIds, IEnumerable<string> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nctIds);
        ArgumentNullException.ThrowIfNull(wanted);
        return await AssembleAsync(connection, transaction, nctIds, take: true, wanted, cancellationToken);
    }

    /// <summary>A study as compact UTF-8 JSON, non-ASCII characters as they are (as the registry writes them).</summary>
    public static byte[] ToUtf8(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private Task<List<StudyJson>> ReadBatchAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<string> nctIds, CancellationToken cancellationToken) =>
        AssembleAsync(connection, transaction, nctIds, take: false, nctIds, cancellationToken);

    /// <summary>The studies of <paramref name="nctIds"/>, read or taken (<see cref="TakeAsync"/>); those of <paramref name="wanted"/> come back.</summary>
    private async Task<List<StudyJson>> AssembleAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<string> nctIds, bool take, IEnumerable<string> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var ids = nctIds.ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var table in _tables)
        {
            batch.BatchCommands.Add(Command(take ? table.TakeSql : table.Sql, ids));
        }

        var salvaged = Command(take ? _takeSalvagedSql : _salvagedSql, ids);
        salvaged.Parameters.Add(new NpgsqlParameter { Value = SalvageRules.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        batch.BatchCommands.Add(salvaged);

        // Prepared once per physical connection (Npgsql keeps it): every later batch skips parsing and planning 66 queries.
        await batch.PrepareAsync(cancellationToken);
        var assembler = new StudyJsonAssembler();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            foreach (var table in _tables)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    assembler.AddRow(reader, table);
                }

                await reader.NextResultAsync(cancellationToken);
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                assembler.AddSalvaged(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }

        return [.. assembler.Complete(wanted)];
    }

    private static NpgsqlBatchCommand Command(string sql, string[] nctIds)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = nctIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }
}
