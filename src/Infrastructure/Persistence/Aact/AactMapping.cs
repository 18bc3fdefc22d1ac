using System.Text;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>The table-by-table mapping of docs/aact.md, generated from <see cref="AactTables"/> and <see cref="AactListViews"/>.</summary>
public static class AactMapping
{
    public const string Begin = "<!-- generated from src/Infrastructure/Persistence/Aact/AactTables.cs: begin -->";
    public const string End = "<!-- generated: end -->";

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine();
        foreach (var table in AactTables.All)
        {
            md.AppendLine($"### `ctgov.{table.Name}`");
            md.AppendLine();
            var kept = table.Storage switch
            {
                AactStorage.Table => "a table, refreshed for the changed studies by every import",
                AactStorage.StoredAggregates =>
                    $"a view of `studies s` joined to the table `ctgov.{table.StoredName}` " +
                    $"({string.Join(", ", table.StoredColumns.Select(c => $"`{c.Name}`"))}), which every import refreshes for the changed studies: " +
                    "it holds a row for each study that has one here, and the columns computed from per-study aggregates; the view computes the others from `s`",
                _ => "a view",
            };
            md.AppendLine($"One row: {table.Grain}. Kept as {kept}. From: `{Cell(Native(table.From))}`");
            md.AppendLine();
            md.AppendLine("| column | type | value | difference from AACT |");
            md.AppendLine("|---|---|---|---|");
            foreach (var column in table.Columns)
            {
                md.AppendLine($"| `{column.Name}` | {column.Type} | `{Cell(Native(column.Expression))}` | {Cell(column.Note ?? string.Empty)} |");
            }

            md.AppendLine();
        }

        md.AppendLine("### The `all_*` views");
        md.AppendLine();
        md.AppendLine("Each has AACT's columns `(nct_id, names)`: the values joined with `|`, one row per study.");
        md.AppendLine();
        md.AppendLine("| view | values of | distinct | filter |");
        md.AppendLine("|---|---|---|---|");
        foreach (var view in AactListViews.All)
        {
            md.AppendLine($"| `{view.Name}` | `{view.Table}.{view.Column}` | {(view.Distinct ? "yes" : "no")} | {(view.Filter is null ? string.Empty : $"`{view.Filter}`")} |");
        }

        md.AppendLine();
        md.AppendLine(End);
        return md.ToString();
    }

    private static string Native(string sql) => sql
        .Replace("{n}.", string.Empty, StringComparison.Ordinal)
        .Replace(AactSql.Changed, "nct_id IN (the studies refreshed)", StringComparison.Ordinal);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
