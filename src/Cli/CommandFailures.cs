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
    /// <summary>The exit code of a failure this mapping knows, or null for one it does not (a bug).</summary>
    public static int? ExitCodeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => ExitCodes.Cancelled,
        // Bad arguments, an input that cannot be read, a request that cannot be run as given: nothing was done.
        ValidationException or StudySourceException or ExportSelectionException => ExitCodes.InvalidInput,
        ImportAlreadyRunningException => ExitCodes.Busy,
        // Unreachable, login refused, read-only, disk full, a missing privilege, or down past every retry: what was
        // written is kept (each batch is atomic).
        DatabaseUnavailableException => ExitCodes.DatabaseUnavailable,
        // Any other database error (e.g. the statement timeout), or the API source giving up on a page that timed out.
        DatabaseException or TimeoutException => ExitCodes.Failure,
        // An output that cannot be written (a full disk, no permission, DuckDB refusing its file): nothing half-written is left.
        IOException or UnauthorizedAccessException => ExitCodes.Failure,
        _ => null,
    };

    /// <summary>Writes what went wrong, one line each, and returns <paramref name="exitCode"/>.</summary>
    public static async Task<int> ReportAsync(TextWriter error, Exception exception, int exitCode)
    {
        IEnumerable<string> lines = exception switch
        {
            OperationCanceledException => ["cancelled"],
            ValidationException invalid => invalid.Errors.SelectMany(e => e.Value).Select(message => $"error: {message}"),
            _ => [$"error: {exception.Message}"],
        };
        foreach (var line in lines)
        {
            await error.WriteLineAsync(line);
        }

        return exitCode;
    }
}
