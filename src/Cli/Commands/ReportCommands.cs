using System.CommandLine;
using System.Text.Json;
using Clinical.Application.Runs.GetRecentRuns;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Cli.Output;
using Spectre.Console;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical runs</c> and <c>clinical stats</c>: what the database holds and how it got there.</summary>
internal static class ReportCommands
{
    public static Command Runs(CliContext context)
    {
        var limit = new Option<int>("--last", "-n") { Description = "How many runs", DefaultValueFactory = _ => GetRecentRunsQuery.DefaultLast };
        var command = new Command("runs", "Recent import runs with their status and counts") { limit };
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var runs = await sender.Send(new GetRecentRunsQuery(parseResult.GetValue(limit)), cancellationToken);
            if (parseResult.GetValue(context.Json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(runs, CliJsonContext.Default.IReadOnlyListRecentRun));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).Title("Import runs");
            foreach (var header in new[] { "run", "status", "source", "started", "seconds", "read", "written", "unchanged", "rejected", "deleted", "rows" })
            {
                table.AddColumn(header);
            }

            foreach (var run in runs)
            {
                var seconds = run.FinishedAt is { } finished ? $"{(finished - run.StartedAt).TotalSeconds:N1}" : "–";
                table.AddRow(
                    $"{run.RunId}", Markup.Escape(run.Status), Markup.Escape($"{Path.GetFileName(run.Source)} ({run.Kind})"), $"{run.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm}",
                    seconds, $"{run.Read:N0}", $"{run.Written:N0}", $"{run.Unchanged:N0}", $"{run.Rejected:N0}", $"{run.Deleted:N0}", $"{run.Rows:N0}");
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    public static Command Stats(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "After the charts, every count as a table: rows per table, status, phase, quarantine reasons, findings" };
        var command = new Command("stats", "Charts of what the database holds: studies by status, phase and first-posted year, share with results, top conditions and countries, quarantine and findings by rule") { all };
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var stats = await sender.Send(new GetStatisticsQuery(), cancellationToken);
            if (parseResult.GetValue(context.Json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(stats, CliJsonContext.Default.DatabaseStatistics));
                return ExitCodes.Success;
            }

            StatisticsCharts.Write(context.Console, stats);
            if (!parseResult.GetValue(all))
            {
                return ExitCodes.Success;
            }

            Show("Rows per table", stats.RowsPerTable.Where(p => p.Value > 0));
            Show("Studies by overall status", stats.StudiesByStatus);
            Show("Studies by phase", stats.StudiesByPhase);
            Show("Quarantine: most common reasons", stats.QuarantineReasons);
            var findings = new Table().Border(TableBorder.Rounded).Title("Findings by rule (data kept, rule broken)")
                .AddColumn("rule").AddColumn(new TableColumn("count").RightAligned()).AddColumn(new TableColumn("studies").RightAligned());
            foreach (var finding in stats.FindingsByRule)
            {
                findings.AddRow(Markup.Escape(finding.Rule), $"{finding.Count:N0}", $"{finding.Studies:N0}");
            }

            context.Console.Write(findings);
            return ExitCodes.Success;

            void Show(string title, IEnumerable<KeyValuePair<string, long>> pairs)
            {
                var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("").AddColumn(new TableColumn("count").RightAligned());
                foreach (var (name, count) in pairs)
                {
                    table.AddRow(Markup.Escape(name), $"{count:N0}");
                }

                context.Console.Write(table);
            }
        }, cancellationToken));
        return command;
    }
}
