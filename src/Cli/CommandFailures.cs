using Clinical.Application.Common.Exceptions;
using Clinical.Application.Studies.Export;
using Clinical.Application.Studies.Import;

namespace Clinical.Cli;

/// <summary>
/// The one mapping, shared by every command, from what a command ends with to its exit code and the lines a user sees on
/// stderr: never a stack trace for a failure the user can act on. Anything else is a bug, left to System.CommandLine.
/// </summary>
internal static class CommandFailures
{
    /// <summary>Whether <paramref name="exception"/> is a failure this mapping knows.</summary>
    public static bool Knows(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => cancellationToken.IsCancellationRequested,
        ValidationException or DatabaseException or ImportAlreadyRunningException or StudySourceException or ExportSelectionException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Writes what went wrong, one line each, and returns the exit code.</summary>
    public static async Task<int> ReportAsync(TextWriter error, Exception exception)
    {
        if (exception is OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }

        if (exception is ValidationException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                await error.WriteLineAsync($"error: {message}");
            }

            return ExitCodes.InvalidInput;
        }

        await error.WriteLineAsync($"error: {exception.Message}");
        return exception switch
        {
            // The input cannot be read or the request cannot be run as given: nothing was done.
            StudySourceException or ExportSelectionException => ExitCodes.InvalidInput,
            ImportAlreadyRunningException => ExitCodes.Busy,
            // Unreachable, login refused, read-only, disk full, a missing privilege, or down past every retry: what was
            // written is kept (each batch is atomic).
            DatabaseUnavailableException => ExitCodes.DatabaseUnavailable,
            // Any other database error (e.g. the statement timeout), or the API source giving up on a page that timed out.
            _ => ExitCodes.Failure,
        };
    }
}
