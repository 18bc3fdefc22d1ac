using Microsoft.Extensions.Logging.Console;

namespace Clinical.Cli.Output;

/// <summary>Whether log lines carry exception details and categories (<c>--verbose</c>).</summary>
internal sealed class OneLineConsoleFormatterOptions : ConsoleFormatterOptions
{
    public bool Verbose { get; set; }
}
