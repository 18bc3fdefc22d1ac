using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// How the rows of one table go back into JSON, derived from its description: the query that reads a set of studies'
/// rows in key order, the arrays on the way down (one per ordinal of the key) and the columns that hold values as sent.
/// Derived columns (a date's first day, a parsed number) are never read: the value as sent is the one that goes back.
/// </summary>
internal sealed class TableExport
{
    public TableExport(Table table, DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Table = table;
        HasKind = table.KindColumn is not null;
        var chain = new List<Table>();
        for (var t = table; t is not null; t = t.Parent)
        {
            if (t.OrdinalColumn is not null)
            {
                chain.Insert(0, t);
            }
        }

        Levels = [.. chain.Select(t => new ExportLevel(t.LocalSources))];
        Columns = [.. table.ValueColumns.Where(c => c.JsonPath is not null && !c.Derived).Select(ExportColumn.From)];
        ElementIsValue = Levels.Count > 0 && Columns.Count == 1 && Columns[0].Path.Length == 0;
        var keys = string.Join(", ", table.KeyColumns.Select(k => k.Name));
        var selected = table.KeyColumns.Select(k => k.Name).Concat(ExtraColumns(table)).Concat(Columns.Select(c => c.Name));
        var columns = string.Join(", ", selected);
        Sql = $"SELECT {columns} FROM {schema.Qualified(table.Name)} WHERE nct_id = ANY($1) ORDER BY {keys}";
        TakeSql = $"WITH taken AS (DELETE FROM {schema.Qualified(table.Name)} WHERE nct_id = ANY($1) RETURNING {columns}) SELECT {columns} FROM taken ORDER BY {keys}";
    }

    public Table Table { get; }

    public bool HasKind { get; }

    /// <summary>The arrays from the study down to this table's rows, outermost first (none for the studies table).</summary>
    public IReadOnlyList<ExportLevel> Levels { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>True for an array of plain values (conditions, phases…): the row's one column is the element itself.</summary>
    public bool ElementIsValue { get; }

    /// <summary>Reads the rows of the studies in the array parameter <c>$1</c>, ordered by key: key columns, then <see cref="Columns"/>.</summary>
    public string Sql { get; }

    /// <summary>Deletes the rows of the studies in <c>$1</c> and returns them as <see cref="Sql"/> reads them: one pass for an import that replaces a study and keeps the state it had.</summary>
    public string TakeSql { get; }

    /// <summary>Number of leading key columns in a row of <see cref="Sql"/> (nct_id, the discriminator, the ordinals).</summary>
    public int KeyCount => 1 + (HasKind ? 1 : 0) + Levels.Count;

    /// <summary>Columns between the key and the values: for the studies table, the JSON shape.</summary>
    public int ExtraCount => Table.Parent is null ? 1 : 0;

    private static IEnumerable<string> ExtraColumns(Table table) => table.Parent is null ? [StudiesTable.JsonShapeColumn] : [];
}
