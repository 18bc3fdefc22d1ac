using System.Diagnostics;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// A re-import that changes every study, killed with SIGKILL at random moments and then re-run: the history ends exactly as
/// after one clean run (one version per study, the same content), because a study's version is written in the transaction
/// that replaces its rows.
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
        (await CliRunner.ImportKilledAfterAsync(original, clean, killAfter: null)).ShouldBe(0);
        var started = Stopwatch.StartNew();
        (await CliRunner.ImportKilledAfterAsync(changed, clean, killAfter: null)).ShouldBe(0);
        var cleanSeconds = started.Elapsed.TotalSeconds;
        (await CliRunner.ImportKilledAfterAsync(original, _database.ConnectionString, killAfter: null)).ShouldBe(0);

        var random = new Random(20261130);
        var killed = 0;
        for (var i = 0; i < KillPoints; i++)
        {
            var after = TimeSpan.FromSeconds(cleanSeconds * (0.2 + (0.2 * random.NextDouble())));
            if (await CliRunner.ImportKilledAfterAsync(changed, _database.ConnectionString, after) is null)
            {
                killed++;
            }
        }

        (await CliRunner.ImportKilledAfterAsync(changed, _database.ConnectionString, killAfter: null)).ShouldBe(0);

        killed.ShouldBeGreaterThan(0, "no run was killed before it finished: the kill points are too late");
        var expected = await VersionsAsync(clean);
        (await VersionsAsync(_database.ConnectionString)).ShouldBe(expected);
        expected.ShouldStartWith($"{titled}:{titled}:1:0:");
        TestContext.Current.SendDiagnosticMessage($"kill -9 during a changing re-import: {killed} of {KillPoints} runs killed; the {titled} versions equal one clean run's");
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
