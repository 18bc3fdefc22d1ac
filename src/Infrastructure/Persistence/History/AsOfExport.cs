using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Export;
using Clinical.Infrastructure.Persistence.Export;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>
/// <c>clinical export --as-of DATE</c>: the selected studies as they stood on a day (<c>studies_as_of(day)</c>): a study
/// unchanged since comes from its rows, as a plain export does; one that changed since, from the version kept of it. Runs in
/// the export's read-only snapshot; a cursor hands the studies over a page at a time, in NCT order. The selection's
/// <c>--nct</c> and <c>--where</c> apply (<c>--where</c> to the study's current row, alias <c>s</c>).
/// </summary>
internal static class AsOfExport
{
    private const string Cursor = "as_of_studies";

    public static async IAsyncEnumerable<ExportedStudy> ReadAsync(
        StudyJsonExporter exporter, NpgsqlConnection connection, NpgsqlTransaction transaction, ExportSelection selection, DateOnly day, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var schema = exporter.Schema;
        await using (var declare = new NpgsqlCommand($"""
            DECLARE {Cursor} NO SCROLL CURSOR FOR
            SELECT a.nct_id, a.version, a.is_current
              FROM {schema.Qualified("studies_as_of")}($1) a JOIN {schema.Qualified("studies")} s ON s.nct_id = a.nct_id
             WHERE ($2::text[] IS NULL OR a.nct_id = ANY($2))
               AND (
            {selection.Where ?? "true"}
            )
             ORDER BY a.nct_id
            """, connection, transaction))
        {
            declare.Parameters.Add(new NpgsqlParameter { Value = day, NpgsqlDbType = NpgsqlDbType.Date });
            declare.Parameters.Add(new NpgsqlParameter { Value = selection.NctIds.Count == 0 ? DBNull.Value : selection.NctIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            try
            {
                await declare.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (selection.Where is not null && ex.SqlState is ['4' or '2', ..])
            {
                throw new ExportSelectionException($"--where: {ex.MessageText}", ex);
            }
        }

        while (true)
        {
            var page = await FetchAsync(connection, transaction, pageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var studies = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
            var current = page.Where(p => p.IsCurrent).Select(p => p.NctId).ToList();
            await foreach (var study in exporter.ReadAsync(connection, transaction, current, cancellationToken))
            {
                studies[study.NctId] = StudyJsonExporter.ToUtf8(study.Document);
            }

            await ReadVersionsAsync(schema, connection, transaction, [.. page.Where(p => !p.IsCurrent)], studies, cancellationToken);
            foreach (var (nctId, _, _) in page)
            {
                if (studies.TryGetValue(nctId, out var json))
                {
                    yield return new ExportedStudy(nctId, json);
                }
            }
        }
    }

    private static async Task<List<(string NctId, int Version, bool IsCurrent)>> FetchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int pageSize, CancellationToken cancellationToken)
    {
        var page = new List<(string, int, bool)>(pageSize);
        await using var fetch = new NpgsqlCommand($"FETCH {pageSize} FROM {Cursor}", connection, transaction);
        await using var reader = await fetch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetString(0), reader.GetInt32(1), reader.GetBoolean(2)));
        }

        return page;
    }

    private static async Task ReadVersionsAsync(
        DatabaseSchema schema, NpgsqlConnection connection, NpgsqlTransaction transaction, List<(string NctId, int Version, bool IsCurrent)> kept, Dictionary<string, ReadOnlyMemory<byte>> studies, CancellationToken cancellationToken)
    {
        if (kept.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            $"SELECT v.nct_id, v.content FROM {schema.Qualified("study_versions")} v JOIN unnest($1::text[], $2::int[]) AS k (nct_id, version) ON k.nct_id = v.nct_id AND k.version = v.version WHERE v.content IS NOT NULL",
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kept.Select(k => k.NctId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = kept.Select(k => k.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            studies[reader.GetString(0)] = VersionContent.Decompress(reader.GetFieldValue<byte[]>(1));
        }
    }
}
