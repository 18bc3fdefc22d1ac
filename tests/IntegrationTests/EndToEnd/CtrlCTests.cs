using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.Infrastructure.Api;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Ctrl+C (SIGINT) while the source waits, sent to the real CLI process once its stderr says it waits (a progress line,
/// a retry's warning; no fixed delay): during a blocked stdin read and during an API backoff, the run ends at once (well under 10 s, whatever the machine's load) with exit 130 and is recorded <c>cancelled</c> (it used to wait for the 30 s kill).
/// </summary>
public sealed class CtrlCTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Study = """{"protocolSection":{"identificationModule":{"nctId":"NCT00000001","briefTitle":"Waiting for more"}}}""";

    private readonly PostgresDatabase _database = database;

    [Fact(Timeout = 120_000)] // a hang guard; the time asserted is the one below
    public async Task Import_CtrlCWhileStandardInputBlocks_Exit130AtOnceAndRunCancelled()
    {
        // Arrange: a pipe that sends one study and then stays open, as `curl … | clinical import -` with a stalled download
        _database.RequireAvailable();
        await _database.ResetAsync();
        // (white space after it fills the reader's 4 KiB detection window, so the study is split and handed on at once; in
        // batches of one, its progress line says so; the read has nothing left but to wait for the next)
        using var process = Start(["import", "-", "--batch-size", "1", "--connection", _database.ConnectionString], redirectInput: true);
        var stderr = new StandardError(process);
        TimeSpan elapsed;
        try
        {
            await process.StandardInput.WriteAsync($"[\n{Study},\n{new string(' ', 4096)}\n");
            await process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
            await stderr.WaitForLineAsync(line => line.StartsWith("1 studies read", StringComparison.Ordinal), TestContext.Current.CancellationToken);

            // Act
            elapsed = await InterruptAsync(process);
        }
        finally
        {
            StopIfRunning(process);
        }

        // Assert
        process.ExitCode.ShouldBe(130, stderr.Text);
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // not a speed check: far inside the 30 s kill and the 120 s backoff it must not wait out
        (await LastRunStatusAsync()).ShouldBe("cancelled");
        TestContext.Current.SendDiagnosticMessage($"Ctrl+C during a blocked stdin read: exit 130 after {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact(Timeout = 120_000)] // a hang guard; the time asserted is the one below
    public async Task Import_CtrlCDuringAnApiBackoff_Exit130AtOnceAndRunCancelled()
    {
        // Arrange: the API answers 503 with Retry-After: 120
        _database.RequireAvailable();
        await _database.ResetAsync();
        await using var api = new FakeClinicalTrialsApi([Study], new Dictionary<int, HttpStatusCode> { [1] = HttpStatusCode.ServiceUnavailable }, retryAfter: TimeSpan.FromSeconds(120));
        using var process = Start(["import", "--from-api", "--api-url", api.BaseUrl, "--connection", _database.ConnectionString], redirectInput: false);
        var stderr = new StandardError(process);
        TimeSpan elapsed;
        try
        {
            await stderr.WaitForLineAsync(line => line.Contains("retrying in 120 s", StringComparison.Ordinal), TestContext.Current.CancellationToken); // the backoff has begun

            // Act
            elapsed = await InterruptAsync(process);
        }
        finally
        {
            StopIfRunning(process);
        }

        // Assert
        process.ExitCode.ShouldBe(130, stderr.Text);
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // not a speed check: far inside the 30 s kill and the 120 s backoff it must not wait out
        (await LastRunStatusAsync()).ShouldBe("cancelled");
        api.Requests.Count.ShouldBe(1);
        TestContext.Current.SendDiagnosticMessage($"Ctrl+C during an API backoff: exit 130 after {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>
    /// Starts the CLI as a terminal does: with SIGINT's default disposition. A test host started in the background inherits
    /// SIGINT ignored (shells do that to background jobs), and .NET keeps an ignored SIGINT ignored; perl (Debian's
    /// essential perl-base) resets it before it execs the CLI.
    /// </summary>
    private static Process Start(string[] arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo("perl", ["-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", "dotnet", Path.Combine(AppContext.BaseDirectory, "clinical.dll"), .. arguments])
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        return Process.Start(start)!;
    }

    /// <summary>The process's stderr, line by line as it comes: a test waits for the line that says the source is waiting.</summary>
    private sealed class StandardError
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly Lock _gate = new();
        private (Func<string, bool> Match, TaskCompletionSource Seen)? _awaited;

        public StandardError(Process process)
        {
            _process = process;
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is not { } text)
                {
                    return;
                }

                lock (_gate)
                {
                    _lines.Add(text);
                    if (_awaited is { } awaited && awaited.Match(text))
                    {
                        awaited.Seen.TrySetResult();
                    }
                }
            };
            process.BeginErrorReadLine();
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return string.Join('\n', _lines);
                }
            }
        }

        /// <summary>Waits for a line that matches (one already written counts); fails when the process exits first.</summary>
        public async Task WaitForLineAsync(Func<string, bool> match, CancellationToken cancellationToken)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_lines.Any(match))
                {
                    return;
                }

                _awaited = (match, seen);
            }

            var exited = _process.WaitForExitAsync(cancellationToken);
            if (await Task.WhenAny(seen.Task, exited) != seen.Task)
            {
                Assert.Fail($"clinical exited ({_process.ExitCode}) before the line awaited: {Text}");
            }
        }
    }

    /// <summary>
    /// Sends SIGINT, as Ctrl+C does, and returns how long the process took to exit. Through libc's kill(2), not the kill
    /// program: a minimal Debian (debootstrap's minbase, where the README's test command was tried) has no procps.
    /// </summary>
    private static async Task<TimeSpan> InterruptAsync(Process process)
    {
        var sent = Stopwatch.GetTimestamp();
        if (Kill(process.Id, SigInt) != 0)
        {
            Assert.Fail($"kill({process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return Stopwatch.GetElapsedTime(sent);
    }

    /// <summary>A test that failed before the process ended must not leave it holding the database's import lock.</summary>
    private static void StopIfRunning(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private async Task<string?> LastRunStatusAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT status FROM {SchemaSql.DefaultSchemaName}.import_runs ORDER BY run_id DESC LIMIT 1", connection);
        try
        {
            return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // the schema is not created yet
        }
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
