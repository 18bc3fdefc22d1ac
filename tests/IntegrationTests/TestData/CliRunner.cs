using Clinical.Cli;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.TestData;

/// <summary>Runs the command line in process, as a user would, with captured output and an environment of the test's choosing.</summary>
internal static class CliRunner
{
    /// <summary>Runs <paramref name="args"/>; <paramref name="environment"/> are the only environment variables the CLI sees.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, console, output, error, name => environment?.GetValueOrDefault(name));
        return (exitCode, console.Output + output, error.ToString());
    }

    /// <summary>The lines a user reads on stderr, without the progress display's blank lines.</summary>
    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Fails when <paramref name="text"/> holds a stack frame or an exception type name (they belong behind --verbose).</summary>
    public static void ShouldHoldNoStackTrace(string text)
    {
        text.ShouldNotContain("   at ");
        text.ShouldNotContain("Exception:");
    }
}
