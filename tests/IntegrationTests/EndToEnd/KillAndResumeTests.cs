using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The importer killed with SIGKILL at random points (after a seeded batch, signalled by the CLI's test hook), then re-run:
/// the database ends exactly as after one clean run (every table's content equal, lineage aside), and every killed run is
/// marked interrupted.
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
        (await CliRunner.ImportKilledAtBatchAsync(path, clean, killAtBatch: null)).ShouldBe(0);

        // Each run has at least one report per batch of 100 (30): every kill point (in the first 12 reports) comes before its run could end.
        var random = new Random(20261126);
        var killAt = Enumerable.Range(0, KillPoints).Select(_ => random.Next(2, 13)).ToArray();
        var killed = 0;
        foreach (var batch in killAt)
        {
            if (await CliRunner.ImportKilledAtBatchAsync(path, _database.ConnectionString, batch) is null)
            {
                killed++;
            }
        }

        (await CliRunner.ImportKilledAtBatchAsync(path, _database.ConnectionString, killAtBatch: null)).ShouldBe(0);

        killed.ShouldBe(KillPoints, "every run with a kill point is killed there");
        var expected = await TableChecksums.OfContentAsync(clean);
        var actual = await TableChecksums.OfContentAsync(_database.ConnectionString);
        actual.ShouldBe(expected);
        expected["studies"].ShouldStartWith($"{Studies}:");
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var statuses = new NpgsqlCommand($"SELECT string_agg(status, ',' ORDER BY run_id) FROM {SchemaSql.DefaultSchemaName}.import_runs", connection);
        var runs = ((string)(await statuses.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).Split(',');
        runs[^1].ShouldBe("succeeded");
        // Every killed run had committed batches (so it was recorded) and could not finish: each is marked interrupted by the next run.
        runs[..^1].ShouldBe(Enumerable.Repeat("interrupted", KillPoints).ToArray());
        TestContext.Current.SendDiagnosticMessage($"kill -9 after batches {string.Join(", ", killAt)}: all {KillPoints} runs killed and marked interrupted; all {expected.Count} table checksums equal after the re-run");
    }
}
