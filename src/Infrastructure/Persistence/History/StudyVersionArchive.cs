using System.Collections.Concurrent;
using Clinical.Infrastructure.Persistence.Export;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>
/// Keeps a study's current state as a version just before an import replaces it (changed content, deleted from a
/// <c>--full</c> file, back after a deletion), in the transaction that replaces it, so a killed import leaves both or
/// neither. The content of a present state is rebuilt from its rows as the registry's JSON by the exporter
/// (<see cref="StudyJsonExporter"/>) and compressed (<see cref="VersionContent"/>);
/// unchanged studies never get here, so an unchanged re-import and a first load cost nothing.
/// </summary>
public sealed class StudyVersionArchive(StudyJsonExporter exporter)
{
    private readonly StudyJsonExporter _exporter = exporter;
    private readonly string _archiveSql = HistorySql.ArchiveCurrent(exporter.Schema);

    // Runs started with --no-history.
    private readonly ConcurrentDictionary<long, bool> _withoutHistory = new();

    /// <summary>Run <paramref name="runId"/> keeps no history (<c>--no-history</c>) until <see cref="EndRun"/>.</summary>
    public void DisableFor(long runId) => _withoutHistory[runId] = true;

    public void EndRun(long runId) => _withoutHistory.TryRemove(runId, out _);

    public bool Keeps(long runId) => !_withoutHistory.ContainsKey(runId);

    /// <summary>
    /// Keeps the current state of <paramref name="nctIds"/> as their next version, replaced by <paramref name="runId"/>;
    /// <paramref name="present"/> are those not soft-deleted, whose content is kept. Returns the versions written.
    /// </summary>
    public async Task<int> ArchiveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, IReadOnlyCollection<string> nctIds, IReadOnlyCollection<string> present, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nctIds);
        ArgumentNullException.ThrowIfNull(present);
        if (nctIds.Count == 0 || !Keeps(runId))
        {
            return 0;
        }

        var ids = new List<string>(present.Count);
        var contents = new List<byte[]>(present.Count);
        await foreach (var study in _exporter.ReadAsync(connection, transaction, [.. present], cancellationToken))
        {
            ids.Add(study.NctId);
            contents.Add(VersionContent.Compress(StudyJsonExporter.ToUtf8(study.Document)));
        }

        await using var command = new NpgsqlCommand(_archiveSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = nctIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = runId, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = contents.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
