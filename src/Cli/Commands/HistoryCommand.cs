using System.CommandLine;
using System.Text.Json;
using Clinical.Application.Studies.History;
using Clinical.Cli.Output;
using Spectre.Console;

namespace Clinical.Cli.Commands;

/// <summary>
/// <c>clinical history NCT… [--diff]</c>: the versions the imports kept of a study, with what changed between them; and
/// <c>clinical history prune --keep N --before DATE</c>, which bounds the history.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Argument<string[]>("nct-id") { Description = "The studies (NCT numbers)", Arity = ArgumentArity.ZeroOrMore };
        var diff = new Option<bool>("--diff") { Description = "Show what changed between consecutive versions: JSON paths with old → new values" };
        var command = new Command("history", "The versions kept of a study since the first import (one per change, deletion or return), oldest first")
        {
            ids, diff, Prune(context),
        };
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var histories = await sender.Send(new GetStudyHistoryQuery(parseResult.GetValue(ids) ?? [], parseResult.GetValue(diff)), cancellationToken);
            if (parseResult.GetValue(context.Json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(histories, CliJsonContext.Default.IReadOnlyListStudyHistory));
                return ExitCodes.Success;
            }

            foreach (var history in histories)
            {
                await WriteAsync(context, history);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static Command Prune(CliContext context)
    {
        var keep = new Option<int?>("--keep") { Description = "Keep the N newest earlier versions of each study; delete older ones" };
        var before = new Option<DateOnly?>("--before") { Description = "Delete versions replaced before this date, YYYY-MM-DD (with --keep: only those beyond the N newest)" };
        var command = new Command("prune", "Delete kept versions to bound the history (a study's current state always stays)") { keep, before };
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var deleted = await sender.Send(new PruneHistoryCommand(parseResult.GetValue(keep), parseResult.GetValue(before)), cancellationToken);
            await context.Output.WriteLineAsync(parseResult.GetValue(context.Json) ? $$"""{"deleted_versions": {{deleted}}}""" : $"{deleted:N0} versions deleted");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>The versions as a table, then the changes one per line (plain text, never wrapped: paths are for grep and copy).</summary>
    private static async Task WriteAsync(CliContext context, StudyHistory history)
    {
        if (history.Versions.Count == 0)
        {
            await context.Output.WriteLineAsync($"{history.NctId}: not in the database");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{history.NctId}: {history.Versions.Count} version(s)"));
        foreach (var header in new[] { "version", "state", "posted", "status", "version holder", "seen in run", "replaced in run" })
        {
            table.AddColumn(header);
        }

        foreach (var version in history.Versions)
        {
            table.AddRow(
                $"{version.Version}{(version.IsCurrent ? " (current)" : string.Empty)}", version.State, $"{version.LastUpdatePostDate:yyyy-MM-dd}",
                Markup.Escape(version.OverallStatus ?? string.Empty), $"{version.VersionHolder:yyyy-MM-dd}",
                $"{version.FirstSeenRun}{(version.FirstSeenAt is { } seen ? $" ({seen:yyyy-MM-dd HH:mm})" : string.Empty)}",
                version.ReplacedInRun is { } replaced ? $"{replaced}" : "–");
        }

        context.Console.Write(table);
        foreach (var version in history.Versions.Where(v => v.Changes is not null || v.State == StoredVersion.Deleted))
        {
            await context.Output.WriteLineAsync(version.State == StoredVersion.Deleted
                ? $"version {version.Version}: deleted (absent from the --full file of run {version.FirstSeenRun})"
                : $"version {version.Version}: {version.Changes!.Count} change(s)");
            foreach (var change in version.Changes ?? [])
            {
                await context.Output.WriteLineAsync($"  {change}");
            }
        }
    }
}
