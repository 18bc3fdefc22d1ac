using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Clinical.Cli.Output;

/// <summary>
/// Log lines as a user reads them: one line each, <c>HH:mm:ss level: message</c>. An exception adds only its message;
/// its type, stack trace and the logger's category appear with <c>--verbose</c> alone.
/// </summary>
internal sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "clinical";

    private readonly IOptionsMonitor<OneLineConsoleFormatterOptions> _options = options;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var verbose = _options.CurrentValue.Verbose;
        textWriter.Write($"{DateTime.Now:HH:mm:ss} {Level(logEntry.LogLevel)}: ");
        if (verbose)
        {
            textWriter.Write($"{logEntry.Category}: ");
        }

        textWriter.Write(message);
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(verbose ? $"{Environment.NewLine}{exception}" : $" ({FirstLine(exception.Message)})");
        }

        textWriter.WriteLine();
    }

    private static string FirstLine(string text) => text.AsSpan().TrimEnd() is var trimmed && trimmed.IndexOfAny('\r', '\n') is var end and >= 0 ? trimmed[..end].ToString() : text.TrimEnd();

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
