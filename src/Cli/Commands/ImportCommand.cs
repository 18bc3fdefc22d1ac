using System.CommandLine;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;

namespace Clinical.Cli.Commands;

/// <summary><c>clinical import &lt;file&gt;</c>: streams a ClinicalTrials.gov download into PostgreSQL.</summary>
internal static class ImportCommand
{
    /// <summary>The file the original Python tool read from the working directory (<c>python main.py</c>).</summary>
    public const string DefaultInput = "ctg-studies.json";

    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("input")
        {
            Description = $"Studies to import (default: ./{DefaultInput}), recognised by content: the website download (JSON array), NDJSON, an API page, any of these .gz, the registry zip, a folder of such files, or - for stdin",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var fromApi = new Option<bool>("--from-api") { Description = "Read from the live ClinicalTrials.gov API v2 instead of a file (pages of 1,000 studies)" };
        var query = new Option<string?>("--query") { Description = "API query parameters, e.g. \"query.cond=diabetes&filter.overallStatus=RECRUITING\" (with --from-api)" };
        var since = new Option<DateOnly?>("--since")
        {
            Description = "Only studies updated on or after this date, YYYY-MM-DD (LastUpdatePostDate; with --from-api)",
            CustomParser = result => CliSettings.ParseDate(result),
        };
        var apiUrl = new Option<string>("--api-url") { Description = "The API's studies endpoint", DefaultValueFactory = _ => ApiQuery.DefaultBaseUrl };
        var apiRate = new Option<int>("--api-rate") { Description = "At most this many API requests a minute", DefaultValueFactory = _ => 50 }.InRange(1, 600);
        var maxStudy = new Option<int?>("--max-study-mb")
        {
            Description = $"A study larger than this many MB is quarantined with its size and first bytes, read in constant memory; overrides {StudyReaderOptions.MaxStudyVariable} (default {StudyReaderOptions.DefaultMaxStudyMegabytes})",
        }.InRange(1, StudyReaderOptions.MaxStudyMegabytesLimit);
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Studies per transaction (each batch is written atomically)",
            DefaultValueFactory = _ => ImportStudiesCommand.DefaultBatchSize,
        }.InRange(1, ImportStudiesCommand.MaxBatchSize);
        var writers = new Option<int>("--writers")
        {
            Description = "Database connections writing in parallel (a study always goes to the same one)",
            DefaultValueFactory = _ => ImportStudiesCommand.DefaultWriters,
        }.InRange(1, ImportStudiesCommand.MaxWriters);
        var full = new Option<bool>("--full")
        {
            Description = "The file is the whole registry: mark stored studies absent from it as deleted (soft delete, after a complete read only)",
        };
        var noHistory = new Option<bool>("--no-history") { Description = "Keep no earlier version of the studies this run changes or deletes (history is on by default)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read, parse, validate and map every study; write nothing (no database needed)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary: only errors, and the exit code" };
        var command = new Command("import", "Import studies into PostgreSQL (schema registry, or --schema; created, upgraded or moved out of ctgov as needed)")
        {
            file, batchSize, writers, full, dryRun, quiet, fromApi, query, since, apiUrl, apiRate, maxStudy, noHistory,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(fromApi) && result.GetValue(file) is not null)
            {
                result.AddError("Name an input file (or - for stdin), or use --from-api; not both.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) => await DefaultInputAsync(parseResult, file, fromApi, quiet, context) is not { } input
            ? ExitCodes.InvalidInput
            : await ImportAction.RunAsync(
            new ImportStudiesCommand(
                parseResult.GetValue(fromApi)
                    ? ApiQuery.FirstPage(parseResult.GetRequiredValue(apiUrl), parseResult.GetValue(query), parseResult.GetValue(since)).ToString()
                    : input,
                parseResult.GetValue(batchSize),
                parseResult.GetValue(writers),
                parseResult.GetValue(full),
                History: !parseResult.GetValue(noHistory)),
            parseResult.GetValue(dryRun),
            parseResult.GetValue(quiet),
            context,
            parseResult,
            new ApiSourceOptions { RequestsPerMinute = parseResult.GetValue(apiRate) },
            parseResult.GetValue(maxStudy),
            cancellationToken));
        return command;
    }

    /// <summary>
    /// The input named, or — as the original Python tool read it — <see cref="DefaultInput"/> in the working directory, said
    /// on stderr; null after one error line when neither is there.
    /// </summary>
    private static async Task<string?> DefaultInputAsync(ParseResult parseResult, Argument<string?> file, Option<bool> fromApi, Option<bool> quiet, CliContext context)
    {
        if (parseResult.GetValue(file) is { } named)
        {
            return named;
        }

        if (parseResult.GetValue(fromApi))
        {
            return string.Empty;
        }

        var path = Path.Combine(".", DefaultInput);
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync(
                $"error: no input named, and there is no {DefaultInput} in the working directory ({Path.GetFullPath(".")}): name a file, - for stdin, or use --from-api.");
            return null;
        }

        if (!parseResult.GetValue(quiet))
        {
            await context.Error.WriteLineAsync($"no input named: reading {path} from the working directory, as the original tool did");
        }

        return path;
    }
}
