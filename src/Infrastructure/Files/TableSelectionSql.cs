using System.Globalization;
using Clinical.Application.Studies.Export;

namespace Clinical.Infrastructure.Files;

/// <summary>
/// The condition that keeps a table's rows to the selected studies, as SQL with no parameters (COPY takes none): the
/// selection's NCT numbers (checked as NCT numbers by the command's validator, and quoted here all the same), deleted
/// studies unless asked for, and the user's --where on the native studies table <c>s</c>, exactly as the JSON export
/// runs it (<see cref="Persistence.Export.ExportSelectionQuery"/> has already run it once, to turn its errors into a line).
/// </summary>
public static class TableSelectionSql
{
    /// <summary>A condition on <c>{alias}.nct_id</c> that holds for the rows of the selected studies.</summary>
    public static string Condition(ExportSelection selection, DatabaseSchema native, string alias = "t")
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(native);
        var ids = selection.NctIds.Count == 0
            ? "true"
            : $"s.nct_id IN ({string.Join(", ", selection.NctIds.Select(id => "'" + id.Replace("'", "''", StringComparison.Ordinal) + "'"))})";
        var deleted = selection.IncludeDeleted ? "true" : "s.deleted_in_run IS NULL";
        return string.Create(CultureInfo.InvariantCulture, $"""
            {alias}.nct_id IN (SELECT s.nct_id FROM {native.Qualified("studies")} s WHERE {deleted} AND {ids} AND (
            {selection.Where ?? "true"}
            ))
            """);
    }
}
