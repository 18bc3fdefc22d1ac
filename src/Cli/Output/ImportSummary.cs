using Clinical.Application.Studies.Import;
using Spectre.Console;

namespace Clinical.Cli.Output;

/// <summary>The table printed at the end of an import.</summary>
internal static class ImportSummary
{
    public static void Write(IAnsiConsole console, ImportStudiesResult result, string database)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Import run {result.RunId}: {result.Status}");
        table.AddColumn("");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("database", Markup.Escape(database));
        table.AddRow("studies read", $"{result.Read:N0}");
        table.AddRow("written (new or changed)", $"{result.Written:N0}");
        table.AddRow("unchanged (skipped)", $"{result.Unchanged:N0}");
        table.AddRow("rejected (quarantined)", $"{result.Rejected:N0}");
        table.AddRow("deleted (absent from a --full file)", $"{result.Deleted:N0}");
        table.AddRow("duplicate NCT ids (last wins)", $"{result.Duplicates:N0}");
        table.AddRow("warnings", $"{result.Warnings:N0}");
        foreach (var (rule, count) in result.WarningsByRule.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.AddRow($"  {Markup.Escape(rule)}", $"{count:N0}");
        }

        table.AddRow("rows written", $"{result.Rows:N0}");
        table.AddRow("elapsed (the whole run)", $"{result.Elapsed.TotalSeconds:N1} s");
        if (result.FinishElapsed > TimeSpan.Zero)
        {
            table.AddRow("  loading", $"{(result.Elapsed - result.FinishElapsed).TotalSeconds:N1} s");
            table.AddRow("  keys and indexes (first load)", $"{result.FinishElapsed.TotalSeconds:N1} s");
        }

        table.AddRow("studies/s", $"{result.StudiesPerSecond:N0}");
        table.AddRow("rows/s", $"{result.RowsPerSecond:N0}");
        console.Write(table);
        if (result.UnknownPaths.Count > 0)
        {
            console.MarkupLine("[yellow]Schema drift: the input has JSON paths the schema does not describe (studies holding each):[/]");
            foreach (var (path, count) in result.UnknownPaths.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(20))
            {
                console.MarkupLine($"  {Markup.Escape(path)}: {count:N0}");
            }
        }

        if (result.Error is not null)
        {
            console.MarkupLine($"[red]{Markup.Escape(result.Error)}[/]");
        }
    }
}
