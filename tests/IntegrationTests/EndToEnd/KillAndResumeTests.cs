using System.Diagnostics;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The importer killed with SIGKILL at random moments, then re-run: the database ends exactly as after one clean run
/// (every table's content equal, lineage aside), and the killed runs are marked interrupted.
/// </summary>
public sealed class KillAndResumeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Studies = 3_000;
    private const int KillPoints = 5;
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_KilledAtRandomPointsThenRerun_EndsEqualToOneCleanRun()
    {
        _database.RequireAvailable();
        var path = Path.Combine(_directory, "synthetic.json");
        await using (var file = File.Create(path))
        {
            new SampleStudyGenerator().WriteArray(file, Studies, seed: 7, TestContext.Current.CancellationToken);
        }

        var clean = await _database.CreateSiblingAsync();
        var started = Stopwatch.StartNew();
        (await RunCliAsync(path, clean, killAfter: null)).ShouldBe(0);
        var cleanSeconds = started.Elapsed.TotalSeconds;

        var random = new Random(20261126);
        var killed = 0;
        for (var i = 0; i < KillPoints; i++)
        {
            // Early enough that each resumed run is still busy: it only has what the killed ones did not finish.
            var after = TimeSpan.FromSeconds(cleanSeconds * (0.15 + (0.2 * random.NextDouble())));
            if (await RunCliAsync(path, _database.ConnectionString, after) is null)
            {
                killed++;
            }
        }

        (await RunCliAsync(path, _database.ConnectionString, killAfter: null)).ShouldBe(0);

        killed.ShouldBeGreaterThan(0, "no run was killed before it finished: the kill points are too late");
        var expected = await TableChecksums.OfContentAsync(clean);
        var actual = await TableChecksums.OfContentAsync(_database.ConnectionString);
        actual.ShouldBe(expected);
        expected["studies"].ShouldStartWith($"{Studies}:");
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var statuses = new NpgsqlCommand($"SELECT string_agg(status, ',' ORDER BY run_id) FROM {SchemaSql.DefaultSchemaName}.import_runs", connection);
        var runs = ((string)(await statuses.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).Split(',');
        runs[^1].ShouldBe("succeeded");
        runs[..^1].Count(s => s == "interrupted").ShouldBe(killed);
        TestContext.Current.SendDiagnosticMessage($"kill -9: {killed} of {KillPoints} runs killed mid-import (clean run {cleanSeconds:F1} s); all {expected.Count} table checksums equal after the re-run");
    }

    /// <summary>Runs the real CLI as a separate process; with <paramref name="killAfter"/>, SIGKILLs it then (null when it was killed).</summary>
    private static async Task<int?> RunCliAsync(string path, string connectionString, TimeSpan? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "import", path, "--connection", connectionString, "--batch-size", "100"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (killAfter is { } delay)
        {
            var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (await Task.WhenAny(exited, Task.Delay(delay, TestContext.Current.CancellationToken)) != exited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no cleanup of any kind
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                return null;
            }
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0)
        {
            TestContext.Current.SendDiagnosticMessage($"clinical exited {process.ExitCode}: {await error}{await output}");
        }

        return process.ExitCode;
    }
}
