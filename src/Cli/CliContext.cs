using System.CommandLine;
using Spectre.Console;

namespace Clinical.Cli;

/// <summary>The options every command shares (recursive on the root), where commands write, and the process environment.</summary>
internal sealed record CliContext(
    Option<string?> Connection,
    Option<string?> StatementTimeout,
    Option<string?> Schema,
    Option<bool> Verbose,
    Option<bool> Json,
    IAnsiConsole Console,
    TextWriter Output,
    TextWriter Error,
    Func<string, string?> Environment);
