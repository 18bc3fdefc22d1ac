using Clinical.Application.Studies.Import;
using Spectre.Console;

namespace Clinical.Cli.Output;

/// <summary>The table printed at the end of an import.</summary>
internal static class ImportSummary
{
    /// <summary>The run's status as words: "succeeded with warnings".</summary>
    public static string StatusText(ImportStatus status) => status switch
    {
        ImportStatus.SucceededWithWarnings => "succeeded with warnings",
        ImportStatus.InputError => "input error",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static void Write(IAnsiConsole console, ImportStudiesResult result, string database)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Import run {result.RunId}: {StatusText(result.Status)}");
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

        if (result.InputWarnings is { Count: > 0 } flaws)
        {
            var total = result.WarningsByRule.Where(p => p.Key.StartsWith("json-", StringComparison.Ordinal)).Sum(p => p.Value);
            console.MarkupLine($"[yellow]The input's structure is damaged ({total:N0} structural warnings; every study around them was read):[/]");
            foreach (var flaw in flaws.Take(20))
            {
                console.MarkupLine($"  byte {flaw.ByteOffset:N0}: {Markup.Escape(flaw.Message)}");
            }
        }

        if (result.Error is not null && result.Status != ImportStatus.InputError) // an input error goes to stderr, once
        {
            console.MarkupLine($"[red]{Markup.Escape(result.Error)}[/]");
        }
    }
}
