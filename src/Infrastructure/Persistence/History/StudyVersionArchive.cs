using System.Collections.Concurrent;
using Clinical.Infrastructure.Persistence.Export;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>
/// Keeps a study's current state as a version just before an import replaces it (changed content, deleted from a
/// <c>--full</c> file, back after a deletion), in the transaction that replaces it, so a killed import leaves both or
/// neither. The content of a present state is rebuilt from its rows as the registry's JSON by the exporter
/// (<see cref="StudyJsonExporter"/>) and compressed (<see cref="VersionContent"/>); a replaced study's rows are read in
/// the same pass that deletes them. Unchanged studies never get here, so an unchanged re-import and a first load cost
/// nothing.
/// </summary>
public sealed class StudyVersionArchive(StudyJsonExporter exporter)
{
    private readonly StudyJsonExporter _exporter = exporter;
    private readonly string _currentSql = HistorySql.CurrentStates(exporter.Schema);
    private readonly string _copySql = HistorySql.CopyVersions(exporter.Schema);

    // Runs started with --no-history.
    private readonly ConcurrentDictionary<long, bool> _withoutHistory = new();

    /// <summary>Run <paramref name="runId"/> keeps no history (<c>--no-history</c>) until <see cref="EndRun"/>.</summary>
    public void DisableFor(long runId) => _withoutHistory[runId] = true;

    public void EndRun(long runId) => _withoutHistory.TryRemove(runId, out _);

    public bool Keeps(long runId) => !_withoutHistory.ContainsKey(runId);

    /// <summary>
    /// Keeps the current state of <paramref name="nctIds"/> as their next version, replaced by <paramref name="runId"/>,
    /// and leaves their rows in place (a <c>--full</c> import marks them deleted next); <paramref name="present"/> are those
    /// not soft-deleted, whose content is kept. Returns the versions written.
    /// </summary>
    public Task<int> ArchiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyCollection<string> nctIds, IReadOnlyCollection<string> present, CancellationToken cancellationToken) =>
        KeepAsync(connection, transaction, runId, nctIds, present, take: false, cancellationToken);

    /// <summary>
    /// Keeps the current state of <paramref name="nctIds"/> as their next version, replaced by <paramref name="runId"/>,
    /// and deletes their rows in every table, for the import to write the new state. Returns the versions written.
    /// </summary>
    public Task<int> ReplaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyCollection<string> nctIds, IReadOnlyCollection<string> present, CancellationToken cancellationToken) =>
        KeepAsync(connection, transaction, runId, nctIds, present, take: true, cancellationToken);

    private async Task<int> KeepAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyCollection<string> nctIds, IReadOnlyCollection<string> present, bool take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(nctIds);
        ArgumentNullException.ThrowIfNull(present);
        if (nctIds.Count == 0)
        {
            return 0;
        }

        // What the history questions ask about (numbering, status, primary outcomes…), read before the rows go.
        var states = new List<object?[]>(nctIds.Count);
        await using (var current = new NpgsqlCommand(_currentSql, connection, transaction))
        {
            current.Parameters.Add(new NpgsqlParameter { Value = nctIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await current.PrepareAsync(cancellationToken);
            await using var reader = await current.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                states.Add(values);
            }
        }

        var studies = take
            ? await _exporter.TakeAsync(connection, transaction, [.. nctIds], present, cancellationToken)
            : await _exporter.ReadAsync(connection, transaction, [.. present], cancellationToken).ToListAsync(cancellationToken);
        var contents = new Dictionary<string, byte[]>(studies.Count, StringComparer.Ordinal);
        foreach (var study in studies)
        {
            contents[study.NctId] = VersionContent.Compress(StudyJsonExporter.ToUtf8(study.Document));
        }

        await using var copy = await connection.BeginBinaryImportAsync(_copySql, cancellationToken);
        foreach (var state in states)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < HistorySql.StateColumns.Count; i++)
            {
                await WriteAsync(copy, state[i], HistorySql.StateColumns[i].Type, cancellationToken);
            }

            await copy.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteAsync(copy, contents.GetValueOrDefault((string)state[0]!), NpgsqlDbType.Bytea, cancellationToken);
        }

        return (int)await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null or DBNull ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
