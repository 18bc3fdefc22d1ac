using Clinical.Infrastructure.Persistence.Aact;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Files;

/// <summary>
/// One table a table export writes: its schema, name, columns in table order and the columns its rows are ordered by.
/// The list comes from the descriptions that make the tables (<see cref="StudyTables"/>, <see cref="AactTables"/>), never
/// from a second list.
/// </summary>
public sealed record FileTable(string Schema, string Name, IReadOnlyList<FileColumn> Columns, IReadOnlyList<string> OrderBy)
{
    /// <summary>
    /// Every study table of the native schema (<paramref name="native"/>), in the description's order, then AACT's 46 tables
    /// of schema ctgov. The native schema's bookkeeping (runs, quarantine, history) is not study data and is left out.
    /// </summary>
    public static IReadOnlyList<FileTable> All(DatabaseSchema native)
    {
        ArgumentNullException.ThrowIfNull(native);
        var nativeTables = StudyTables.All.Select(t => new FileTable(
            native.Name,
            t.Name,
            [.. t.AllColumns.Select(c => new FileColumn(c.Name, c.SqlType))],
            [.. t.KeyColumns.Select(c => c.Name)]));
        var aact = AactTables.All.Select(t => new FileTable(
            AactLayerSql.SchemaName,
            t.Name,
            [.. t.Columns.Select(c => new FileColumn(c.Name, c.Type))],
            t.Columns.Any(c => c.Name == "id") ? ["nct_id", "id"] : ["nct_id"]));
        return [.. nativeTables, .. aact];
    }

    /// <summary>The table's qualified, quoted name.</summary>
    public string Qualified => $"{DatabaseSchema.QuoteIdentifier(Schema)}.{DatabaseSchema.QuoteIdentifier(Name)}";
}
