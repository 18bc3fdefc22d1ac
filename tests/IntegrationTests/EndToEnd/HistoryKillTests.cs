using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// A re-import that changes every study, killed with SIGKILL at random points (after a seeded batch, signalled by the CLI's
/// test hook) and then re-run: the history ends exactly as after one clean run (one version per study, the same content),
/// because a study's version is written in the transaction that replaces its rows; every killed run is marked interrupted.
/// </summary>
public sealed class HistoryKillTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Studies = 2_000;
    private const int KillPoints = 3;
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-history-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_ChangedFileKilledAtRandomPointsThenRerun_KeepsTheSameVersionsAsOneCleanRun()
    {
        _database.RequireAvailable();
        var original = Path.Combine(_directory, "synthetic.json");
        await using (var file = File.Create(original))
        {
            new SampleStudyGenerator().WriteArray(file, Studies, seed: 11, TestContext.Current.CancellationToken);
        }

        var changed = Path.Combine(_directory, "changed.json");
        var text = await File.ReadAllTextAsync(original, TestContext.Current.CancellationToken);
        var titled = text.Split("\"briefTitle\":\"").Length - 1; // the studies the change reaches (the sample leaves some titles out)
        await File.WriteAllTextAsync(changed, text.Replace("\"briefTitle\":\"", "\"briefTitle\":\"[changed] ", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var clean = await _database.CreateSiblingAsync();
        (await CliRunner.ImportKilledAtBatchAsync(original, clean, killAtBatch: null)).ShouldBe(0);
        (await CliRunner.ImportKilledAtBatchAsync(changed, clean, killAtBatch: null)).ShouldBe(0);
        (await CliRunner.ImportKilledAtBatchAsync(original, _database.ConnectionString, killAtBatch: null)).ShouldBe(0);

        // Each run has at least one report per batch of 100 (20): every kill point (in the first 8 reports) comes before its run could end.
        var random = new Random(20261130);
        var killAt = Enumerable.Range(0, KillPoints).Select(_ => random.Next(2, 9)).ToArray();
        var killed = 0;
        foreach (var batch in killAt)
        {
            if (await CliRunner.ImportKilledAtBatchAsync(changed, _database.ConnectionString, batch) is null)
            {
                killed++;
            }
        }

        (await CliRunner.ImportKilledAtBatchAsync(changed, _database.ConnectionString, killAtBatch: null)).ShouldBe(0);

        killed.ShouldBe(KillPoints, "every run with a kill point is killed there");
        (await StatusesAsync(_database.ConnectionString)).ShouldBe(["succeeded", .. Enumerable.Repeat("interrupted", KillPoints), "succeeded"]);
        var expected = await VersionsAsync(clean);
        (await VersionsAsync(_database.ConnectionString)).ShouldBe(expected);
        expected.ShouldStartWith($"{titled}:{titled}:1:0:");
        TestContext.Current.SendDiagnosticMessage($"kill -9 during a changing re-import after batches {string.Join(", ", killAt)}: all {KillPoints} runs killed and marked interrupted; the {titled} versions equal one clean run's");
    }

    /// <summary>Every run's status, in order.</summary>
    private static async Task<string[]> StatusesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT string_agg(status, ',' ORDER BY run_id) FROM {DatabaseSchema.Default.Qualified("import_runs")}", connection);
        return ((string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).Split(',');
    }

    /// <summary>Versions, studies with one, the highest version number, versions without content, and a checksum of their content (runs and times aside).</summary>
    private static async Task<string> VersionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        const string Row = "(to_jsonb(v) - 'first_seen_run' - 'first_seen_at' - 'replaced_in_run' - 'replaced_at')::text";
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) || ':' || count(DISTINCT nct_id) || ':' || max(version) || ':' || count(*) FILTER (WHERE content IS NULL) || ':' || md5(string_agg({Row}, '|' ORDER BY nct_id, version)) FROM {DatabaseSchema.Default.Qualified("study_versions")} v",
            connection);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
