using System.CommandLine;
using System.Text.Json;
using Clinical.Application;
using Clinical.Application.Common.Exceptions;
using Clinical.Application.Database.CheckDatabase;
using Clinical.Application.Studies.Import;
using Clinical.Application.Studies.Import.DescribeInput;
using Clinical.Cli.Output;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.Cli.Commands;

/// <summary>
/// Runs the import <see cref="ImportCommand"/> bound: the input is checked first (a location no source reads is a usage
/// error whatever the database), then the database (one that cannot answer is exit 4, not a failed run), then the run;
/// its outcome is a summary and an exit code, and a failure goes through <see cref="CommandFailures"/> like any command's.
/// </summary>
internal static class ImportAction
{
    public static async Task<int> RunAsync(
        ImportStudiesCommand import, bool dryRun, bool quiet, CliContext context, ParseResult parseResult, ApiSourceOptions api, int? maxStudyMegabytes, CancellationToken cancellationToken)
    {
        var (json, error) = (parseResult.GetValue(context.Json), context.Error);
        if (await DatabaseCommand.ResolveAactAsync(context, noSearchPath: false) is not { } aact)
        {
            return ExitCodes.InvalidInput;
        }

        if (CliSettings.MaxStudyMegabytes(maxStudyMegabytes, context.Environment, out var problem) is not { } megabytes)
        {
            await error.WriteLineAsync($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        IImportProgress display = quiet || json ? new NullImportProgress() : new ConsoleImportProgress(error, !Console.IsErrorRedirected, TimeProvider.System);
        if (TestSignalProgress.Wrap(display, context.Environment, error, out var hookProblem) is not { } progress)
        {
            await error.WriteLineAsync($"error: {hookProblem}");
            return ExitCodes.InvalidInput;
        }

        var reader = new StudyReaderOptions { MaxStudyBytes = (long)megabytes << 20 };
        return await DatabaseCommand.RunAsync(
            context,
            parseResult,
            async (sender, database) =>
            {
                await sender.Send(new DescribeInputQuery(import.Path), cancellationToken);
                if (!dryRun)
                {
                    await CheckDatabaseAsync(sender, cancellationToken);
                }

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

                return ExitCodeOf(result);
            },
            cancellationToken,
            services =>
            {
                services.AddSingleton(progress).AddSingleton(api).AddSingleton(reader).AddSingleton(aact);
                if (dryRun)
                {
                    services.AddDryRunImport(); // the run ledger, store and row encoder that keep nothing: no database
                }
            },
            connects: !dryRun,
            beforeFailure: () => Finish(display));
    }

    /// <summary>Before the run: a database that cannot answer at all is one that cannot be used, whatever its error.</summary>
    private static async Task CheckDatabaseAsync(ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new CheckDatabaseQuery(), cancellationToken);
        }
        catch (DatabaseException ex) when (ex is not DatabaseUnavailableException)
        {
            throw new DatabaseUnavailableException(ex.Database, ex.Message, ex);
        }
    }

    private static int ExitCodeOf(ImportStudiesResult result) => result.Status switch
    {
        ImportStatus.Succeeded when result.Rejected == 0 => ExitCodes.Success,
        ImportStatus.Succeeded or ImportStatus.SucceededWithWarnings => ExitCodes.CompletedWithRejects,
        ImportStatus.InputError => ExitCodes.InvalidInput,
        ImportStatus.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.Failure,
    };

    private static void Finish(IImportProgress progress)
    {
        if (progress is ConsoleImportProgress console)
        {
            console.Finish();
        }
    }
}
