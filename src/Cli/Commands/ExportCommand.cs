using System.CommandLine;
using Clinical.Application.Studies.Export;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical export [FILE|-]</c>: sends <see cref="ExportStudiesCommand"/> (stored studies back as the registry's JSON).</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Argument<string>("output")
        {
            Description = "File to write, or - for stdout (the default)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ExportStudiesCommand.StandardOutputName,
        };
        var ndjson = new Option<bool>("--ndjson") { Description = "One study per line and nothing else, instead of the download's JSON array" };
        var nct = new Option<string[]>("--nct") { Description = "Only this study (repeat the option for several)", Arity = ArgumentArity.OneOrMore };
        var where = new Option<string?>("--where") { Description = "Only studies for which this SQL condition on the studies table (alias s) holds, as after WHERE in psql, e.g. \"s.overall_status = 'RECRUITING'\"" };
        var queryFile = new Option<FileInfo?>("--query-file") { Description = "Read the --where condition from this file (a saved query)" };
        var includeDeleted = new Option<bool>("--include-deleted") { Description = "Also studies a --full import marked deleted (no longer in the registry)" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The studies as they stood on this day, YYYY-MM-DD, from the history the imports kept (see docs/history.md)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary: only errors, and the exit code" };
        var command = new Command("export", "Write stored studies as the registry's JSON (the website download's array, or NDJSON), by NCT number or SQL condition")
        {
            output, ndjson, nct, where, queryFile, includeDeleted, asOf, quiet,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(where) is not null && result.GetValue(queryFile) is not null)
            {
                result.AddError("Give the condition with --where or --query-file, not both.");
            }

            if (result.GetValue(queryFile) is { Exists: false } file)
            {
                result.AddError($"--query-file: {file.FullName} does not exist.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var condition = parseResult.GetValue(where);
            if (parseResult.GetValue(queryFile) is { } file)
            {
                condition = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }

            var selection = new ExportSelection(parseResult.GetValue(nct) ?? [], condition, parseResult.GetValue(includeDeleted), parseResult.GetValue(asOf));
            var request = new ExportStudiesCommand(selection, parseResult.GetValue(ndjson) ? ExportFormat.Ndjson : ExportFormat.Array, parseResult.GetRequiredValue(output));
            var result = await sender.Send(request, cancellationToken);
            if (!parseResult.GetValue(quiet))
            {
                // The data may be on stdout: the summary then goes to stderr.
                var summary = result.Output == ExportStudiesCommand.StandardOutputName ? context.Error : context.Output;
                await summary.WriteLineAsync(
                    $"exported {result.Studies:N0} {(result.Studies == 1 ? "study" : "studies")} to {(result.Output == ExportStudiesCommand.StandardOutputName ? "stdout" : result.Output)} "
                    + $"({result.Bytes / 1e6:N1} MB) in {result.Elapsed.TotalSeconds:N1} s, {result.StudiesPerSecond:N0} studies/s");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
