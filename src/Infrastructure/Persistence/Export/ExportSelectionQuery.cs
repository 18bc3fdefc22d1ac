using Clinical.Application.Studies.Export;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// The NCT numbers a selection names, a page at a time in NCT order (keyset paging: each page starts after the last one),
/// so the selection is never held whole. The user's --where runs as their own SQL, inside the export's read-only
/// transaction, as a single statement with positional parameters (the server refuses a second statement); the studies
/// table is <c>s</c>, and the schema is on the search path so other tables need no prefix.
/// </summary>
internal sealed class ExportSelectionQuery(ExportSelection selection, int pageSize, DatabaseSchema schema)
{
    // Errors in the predicate itself: syntax or unknown names (42), bad data (22), a write (25), a subquery's rows (21).
    private static readonly string[] PredicateErrorClasses = ["42", "22", "25", "21", "0A"];

    private readonly ExportSelection _selection = selection;
    private readonly int _pageSize = pageSize;
    private readonly string _sql = $"""
        SELECT s.nct_id FROM {schema.Qualified("studies")} s
         WHERE s.nct_id > $1 AND ($2 OR s.deleted_in_run IS NULL) AND ($3::text[] IS NULL OR s.nct_id = ANY($3))
           AND (
        {selection.Where ?? "true"}
        )
         ORDER BY s.nct_id LIMIT $4
        """;

    /// <summary>The next page of NCT numbers after <paramref name="after"/> ("" for the first page); empty at the end.</summary>
    public async Task<List<string>> NextPageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = after, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = _selection.IncludeDeleted, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = _selection.NctIds.Count == 0 ? DBNull.Value : _selection.NctIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = _pageSize, NpgsqlDbType = NpgsqlDbType.Integer });
        var page = new List<string>(_pageSize);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                page.Add(reader.GetString(0));
            }
        }
        catch (PostgresException ex) when (_selection.Where is not null && PredicateErrorClasses.Contains(ex.SqlState[..2]))
        {
            throw new ExportSelectionException($"--where: {ex.MessageText}", ex);
        }

        if (page.Count > 0 && string.CompareOrdinal(page[0], after) <= 0)
        {
            throw new ExportSelectionException("--where: the predicate reaches outside its own condition (check its brackets).");
        }

        return page;
    }
}
