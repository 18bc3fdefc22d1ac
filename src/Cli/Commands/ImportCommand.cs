using System.CommandLine;
using System.Text.Json;
using Clinical.Application;
using Clinical.Application.Common.Exceptions;
using Clinical.Application.Database.CheckDatabase;
using Clinical.Application.Studies.Import;
using Clinical.Cli.Output;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using ValidationException = Clinical.Application.Common.Exceptions.ValidationException;

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
            : await RunAsync(
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

    private static async Task<int> RunAsync(
        ImportStudiesCommand import, bool dryRun, bool quiet, CliContext context, ParseResult parseResult, ApiSourceOptions api, int? maxStudyMegabytes, CancellationToken cancellationToken)
    {
        var (json, error) = (parseResult.GetValue(context.Json), context.Error);
        if (await DatabaseCommand.ResolveAsync(context, parseResult, connects: !dryRun) is not { } database
            || await DatabaseCommand.ResolveAactAsync(context, noSearchPath: false) is not { } aact)
        {
            return ExitCodes.InvalidInput;
        }

        if (CliSettings.MaxStudyMegabytes(maxStudyMegabytes, context.Environment, out var problem) is not { } megabytes)
        {
            await error.WriteLineAsync($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        var reader = new StudyReaderOptions { MaxStudyBytes = (long)megabytes << 20 };

        IImportProgress display = quiet || json ? new NullImportProgress() : new ConsoleImportProgress(error, !Console.IsErrorRedirected, TimeProvider.System);
        if (TestSignalProgress.Wrap(display, context.Environment, error, out var hookProblem) is not { } progress)
        {
            await error.WriteLineAsync($"error: {hookProblem}");
            return ExitCodes.InvalidInput;
        }

        using var host = CliHost.Build(database, parseResult.GetValue(context.Verbose), services =>
        {
            services.AddSingleton(progress).AddSingleton(api).AddSingleton(reader).AddSingleton(aact);
            if (dryRun)
            {
                services.AddDryRunImport(); // the run ledger, store and row encoder that keep nothing: no database
            }
        });
        await using var scope = host.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        try
        {
            // The input is checked first, by the sources (a location none reads is a usage error whatever the database),
            // then the database.
            scope.ServiceProvider.GetRequiredService<IStudySource>().Describe(import.Path);
            if (!dryRun)
            {
                await sender.Send(new CheckDatabaseQuery(), cancellationToken);
            }
        }
        catch (StudySourceException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (DatabaseException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.DatabaseUnavailable;
        }

        try
        {
            var result = await sender.Send(import, cancellationToken);
            Finish(display);
            if (json)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Default.ImportStudiesResult));
            }
            else if (!quiet)
            {
                ImportSummary.Write(context.Console, result, dryRun ? "dry run: nothing written" : database.Description);
            }

            if (result.Status == ImportStatus.InputError && result.Error is { } broken)
            {
                await error.WriteLineAsync($"error: {broken}"); // on stderr, once: the summary leaves it out
            }

            return result.Status switch
            {
                ImportStatus.Succeeded when result.Rejected == 0 => ExitCodes.Success,
                ImportStatus.Succeeded or ImportStatus.SucceededWithWarnings => ExitCodes.CompletedWithRejects,
                ImportStatus.InputError => ExitCodes.InvalidInput,
                ImportStatus.Cancelled => ExitCodes.Cancelled,
                _ => ExitCodes.Failure,
            };
        }
        catch (ValidationException ex)
        {
            await DatabaseCommand.WriteAsync(error, ex);
            return ExitCodes.InvalidInput;
        }
        catch (ImportAlreadyRunningException ex)
        {
            Finish(display);
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Busy;
        }
        catch (DatabaseUnavailableException ex)
        {
            // The database became unusable during the run: it went away past every retry, is read-only, out of disk space,
            // or the role lacks a privilege. What was written is kept (each batch is atomic); the run is recorded failed
            // when the database still takes that.
            Finish(display);
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.DatabaseUnavailable;
        }
        catch (DatabaseException ex)
        {
            // The database answered the check before the run, so any other error during it is a failure of the run.
            Finish(display);
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (StudySourceException ex)
        {
            // The input could not even be opened (e.g. a location no source reads): a usage error, nothing was read.
            Finish(display);
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (TimeoutException ex)
        {
            // The API source gave up on a page that timed out: the run is recorded failed, what was written before stays
            // (each batch is atomic). One line, no stack trace.
            Finish(display);
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Finish(display);
            await error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
    }

    private static void Finish(IImportProgress progress)
    {
        if (progress is ConsoleImportProgress console)
        {
            console.Finish();
        }
    }
}
