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
        (await CliRunner.ImportKilledAfterAsync(path, clean, killAfter: null)).ShouldBe(0);
        var cleanSeconds = started.Elapsed.TotalSeconds;

        var random = new Random(20261126);
        var killed = 0;
        for (var i = 0; i < KillPoints; i++)
        {
            // Early enough that each resumed run is still busy: it only has what the killed ones did not finish.
            var after = TimeSpan.FromSeconds(cleanSeconds * (0.15 + (0.2 * random.NextDouble())));
            if (await CliRunner.ImportKilledAfterAsync(path, _database.ConnectionString, after) is null)
            {
                killed++;
            }
        }

        (await CliRunner.ImportKilledAfterAsync(path, _database.ConnectionString, killAfter: null)).ShouldBe(0);

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
        // A run killed before it was recorded (a loaded machine starts the process slowly) leaves no row. A resumed run has
        // only what the killed ones did not finish, so on a loaded machine it may end before its kill point, or be killed
        // after it recorded success: those rows say succeeded. Every other recorded run is marked interrupted by the next
        // run, none is left running, and at least one was killed while loading.
        runs[..^1].ShouldAllBe(status => status == "interrupted" || status == "succeeded");
        var interrupted = runs[..^1].Count(status => status == "interrupted");
        interrupted.ShouldBeInRange(1, killed);
        TestContext.Current.SendDiagnosticMessage($"kill -9: {killed} of {KillPoints} runs killed ({interrupted} marked interrupted, {runs.Length - 1 - interrupted} of the others finished; clean run {cleanSeconds:F1} s); all {expected.Count} table checksums equal after the re-run");
    }
}
