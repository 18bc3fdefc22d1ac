using System.Diagnostics;
using Clinical.Cli;
using Clinical.Cli.Output;
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

    /// <summary>
    /// Runs the real CLI as a separate process, so that its logs (they go to the process's stderr) are captured too;
    /// <paramref name="environment"/> is added to the process's environment.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "clinical.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Runs <c>clinical import PATH --connection … --batch-size 100</c> as a separate process. With
    /// <paramref name="killAtBatch"/>, sets the CLI's test hook (<see cref="TestSignalProgress.Variable"/>): once that many
    /// batches are committed the import says so on stderr and waits; it is SIGKILLed there (no cleanup of any kind) and
    /// null returned. Otherwise, or when it ended before it said so, the exit code.
    /// </summary>
    public static async Task<int?> ImportKilledAtBatchAsync(string path, string connectionString, int? killAtBatch)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "import", path, "--connection", connectionString, "--batch-size", "100"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (killAtBatch is { } batch)
        {
            start.Environment[TestSignalProgress.Variable] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var marker = killAtBatch is { } at ? TestSignalProgress.MarkerFor(at) : null;
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var error = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (error)
            {
                error.AppendLine(line.Data);
            }

            if (line.Data == marker)
            {
                signalled.TrySetResult();
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (marker is not null && await Task.WhenAny(exited, signalled.Task) == signalled.Task)
        {
            process.Kill(entireProcessTree: true); // SIGKILL
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return null;
        }

        await exited;
        if (process.ExitCode != 0 || marker is not null)
        {
            TestContext.Current.SendDiagnosticMessage($"clinical exited {process.ExitCode}{(marker is null ? string.Empty : " before it signalled")}: {error}{await output}");
        }

        return process.ExitCode;
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
