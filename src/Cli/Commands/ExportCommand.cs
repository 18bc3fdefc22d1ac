using System.CommandLine;
using Clinical.Application.Studies.Export;
using Clinical.Cli.Output;
using Microsoft.Extensions.DependencyInjection;

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
        var outputOption = new Option<string?>("--output", "-o") { Description = "Where to write (instead of the argument): a file, - for stdout, a folder for parquet and csv, a file for duckdb" };
        var format = new Option<string>("--format") { Description = "json (the download's array), ndjson (one study per line), parquet or csv (a folder: one file per table of both schemas), duckdb (one database file)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong([.. ExportFormats.Names]);
        var gzip = new Option<bool>("--gzip") { Description = "With --format csv: gzip each file (.csv.gz)" };
        var ndjson = new Option<bool>("--ndjson") { Description = "One study per line and nothing else, instead of the download's JSON array (the same as --format ndjson)" };
        var nct = new Option<string[]>("--nct") { Description = "Only this study (repeat the option for several)", Arity = ArgumentArity.OneOrMore };
        var where = new Option<string?>("--where") { Description = "Only studies for which this SQL condition on the studies table (alias s) holds, as after WHERE in psql, e.g. \"s.overall_status = 'RECRUITING'\"" };
        var queryFile = new Option<FileInfo?>("--query-file") { Description = "Read the --where condition from this file (a saved query)" };
        var includeDeleted = new Option<bool>("--include-deleted") { Description = "Also studies a --full import marked deleted (no longer in the registry)" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The studies as they stood on this day, YYYY-MM-DD, from the history the imports kept (see docs/history.md)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary: only errors, and the exit code" };
        var command = new Command("export", "Write stored studies as the registry's JSON (the website download's array, or NDJSON), or their tables as Parquet, CSV or DuckDB, by NCT number or SQL condition")
        {
            output, outputOption, format, gzip, ndjson, nct, where, queryFile, includeDeleted, asOf, quiet,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(where) is not null && result.GetValue(queryFile) is not null)
            {
                result.AddError("Give the condition with --where or --query-file, not both.");
            }

            if (result.GetValue(ndjson) && result.GetResult(format) is { Implicit: false } && result.GetValue(format) != "ndjson")
            {
                result.AddError($"--ndjson is --format ndjson: give one of them, not --ndjson with --format {result.GetValue(format)}.");
            }

            if (result.GetValue(outputOption) is not null && result.GetResult(output) is { Implicit: false })
            {
                result.AddError("Name the output once: as the argument or with --output, not both.");
            }

            if (result.GetValue(queryFile) is { Exists: false } file)
            {
                result.AddError($"--query-file: {file.FullName} does not exist.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => DatabaseCommand.RunAsync(context, parseResult, async (sender, _) =>
        {
            var exportFormat = parseResult.GetValue(ndjson) ? ExportFormat.Ndjson : ExportFormats.Parse(parseResult.GetRequiredValue(format))!.Value;
            var destination = parseResult.GetValue(outputOption) ?? parseResult.GetRequiredValue(output);
            var condition = parseResult.GetValue(where);
            if (parseResult.GetValue(queryFile) is { } file)
            {
                condition = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }

            var selection = new ExportSelection(parseResult.GetValue(nct) ?? [], condition, parseResult.GetValue(includeDeleted), parseResult.GetValue(asOf));
            var request = new ExportStudiesCommand(selection, exportFormat, destination, parseResult.GetValue(gzip));
            var result = await sender.Send(request, cancellationToken);
            if (!parseResult.GetValue(quiet) && exportFormat.IsTables())
            {
                await context.Output.WriteLineAsync(
                    $"exported {result.Tables:N0} tables ({result.Rows:N0} rows) to {result.Output} ({result.Bytes / 1e6:N1} MB) in {result.Elapsed.TotalSeconds:N1} s, "
                    + $"{result.RowsPerSecond:N0} rows/s, {(result.Elapsed > TimeSpan.Zero ? result.Bytes / 1e6 / result.Elapsed.TotalSeconds : 0):N1} MB/s");
            }
            else if (!parseResult.GetValue(quiet))
            {
                // The data may be on stdout: the summary then goes to stderr.
                var summary = result.Output == ExportStudiesCommand.StandardOutputName ? context.Error : context.Output;
                await summary.WriteLineAsync(
                    $"exported {result.Studies:N0} {(result.Studies == 1 ? "study" : "studies")} to {(result.Output == ExportStudiesCommand.StandardOutputName ? "stdout" : result.Output)} "
                    + $"({result.Bytes / 1e6:N1} MB) in {result.Elapsed.TotalSeconds:N1} s, {result.StudiesPerSecond:N0} studies/s");
            }

            return ExitCodes.Success;
        }, cancellationToken, services =>
        {
            if (!parseResult.GetValue(quiet))
            {
                services.AddSingleton<ITableExportProgress>(new ConsoleTableExportProgress(context.Error));
            }
        }));
        return command;
    }
}
