using System.CommandLine;
using System.Text.Json;
using Clinical.Cli.Output;
using Clinical.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical runs</c> and <c>clinical stats</c>: what the database holds and how it got there.</summary>
internal static class ReportCommands
{
    public static Command Runs(Option<string?> connectionOption, Option<bool> verboseOption, Option<bool> jsonOption, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var limit = new Option<int>("--last", "-n") { Description = "How many runs", DefaultValueFactory = _ => 10 };
        var command = new Command("runs", "Recent import runs with their status and counts") { limit };
        command.SetAction((parseResult, cancellationToken) => WithReportAsync(parseResult, connectionOption, verboseOption, error, async report =>
        {
            var runs = await report.RecentRunsAsync(parseResult.GetValue(limit), cancellationToken);
            if (parseResult.GetValue(jsonOption))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(runs, CliJsonContext.Default.IReadOnlyListRunRow));
                return;
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

            console.Write(table);
        }));
        return command;
    }

    public static Command Stats(Option<string?> connectionOption, Option<bool> verboseOption, Option<bool> jsonOption, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var command = new Command("stats", "Rows per table, studies by status and phase, and the quarantine's most common reasons");
        command.SetAction((parseResult, cancellationToken) => WithReportAsync(parseResult, connectionOption, verboseOption, error, async report =>
        {
            var stats = await report.StatisticsAsync(cancellationToken);
            if (parseResult.GetValue(jsonOption))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(stats, CliJsonContext.Default.DatabaseStatistics));
                return;
            }

            Show("Rows per table", stats.RowsPerTable.Where(p => p.Value > 0));
            Show("Studies by overall status", stats.StudiesByStatus);
            Show("Studies by phase", stats.StudiesByPhase);
            Show("Quarantine: most common reasons", stats.QuarantineReasons);

            void Show(string title, IEnumerable<KeyValuePair<string, long>> pairs)
            {
                var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumn("").AddColumn(new TableColumn("count").RightAligned());
                foreach (var (name, count) in pairs)
                {
                    table.AddRow(Markup.Escape(name), $"{count:N0}");
                }

                console.Write(table);
            }
        }));
        return command;
    }

    private static async Task<int> WithReportAsync(ParseResult parseResult, Option<string?> connectionOption, Option<bool> verboseOption, TextWriter error, Func<DatabaseReport, Task> show)
    {
        var connection = parseResult.GetValue(connectionOption);
        using var host = CliHost.Build(connection, parseResult.GetValue(verboseOption));
        try
        {
            await show(new DatabaseReport(host.Services.GetRequiredService<NpgsqlDataSource>()));
            return ExitCodes.Success;
        }
        catch (NpgsqlException ex)
        {
            var connectionString = PostgresSettings.BuildConnectionString(connection, Environment.GetEnvironmentVariable);
            await error.WriteLineAsync($"error: PostgreSQL at {PostgresSettings.Describe(connectionString)}: {PostgresSettings.Redact(ex.Message, connectionString)}");
            return ex is PostgresException ? ExitCodes.Failure : ExitCodes.DatabaseUnavailable;
        }
    }
}
