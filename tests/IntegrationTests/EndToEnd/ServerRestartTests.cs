using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// PostgreSQL restarts (<c>pg_ctl restart -m fast</c>) while a 3,000-study import runs, on a private cluster: the import
/// either reconnects and finishes, or fails with exit 4 and its run recorded <c>failed</c>; either way a re-run ends
/// with every table equal to a clean import's (the table checksums).
/// </summary>
public sealed class ServerRestartTests : IDisposable
{
    private const int Studies = 3_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-restart-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_ServerRestartsMidRun_FinishesOrFailsWithExit4AndARerunEqualsACleanImport()
    {
        await using var cluster = await PrivatePostgresCluster.StartAsync();
        var clean = await cluster.CreateDatabaseAsync("clinical_clean");
        var restarted = await cluster.CreateDatabaseAsync("clinical_restarted");
        var path = Path.Combine(_directory, "synthetic.json");
        await using (var file = File.Create(path))
        {
            new SampleStudyGenerator().WriteArray(file, Studies, seed: 29, TestContext.Current.CancellationToken);
        }

        (await CliRunner.RunProcessAsync(["import", path, "--quiet", "--connection", clean])).ExitCode.ShouldBe(ExitCodes.Success);

        var import = CliRunner.RunProcessAsync(["import", path, "--quiet", "--batch-size", "50", "--connection", restarted]);
        await DatabaseDownTests.WaitForStudiesAsync(restarted, 500, import);
        await cluster.RestartServerAsync();
        var (exitCode, _, error) = await import;
        var firstStatus = await ScalarAsync<string>(restarted, $"SELECT status FROM {DatabaseSchema.Default.Qualified("import_runs")} ORDER BY run_id LIMIT 1");
        var (rerunExit, _, rerunError) = await CliRunner.RunProcessAsync(["import", path, "--quiet", "--connection", restarted]);

        exitCode.ShouldBeOneOf([ExitCodes.Success, ExitCodes.DatabaseUnavailable], error);
        firstStatus.ShouldBe(exitCode == ExitCodes.Success ? "succeeded" : "failed");
        if (exitCode != ExitCodes.Success)
        {
            CliRunner.Lines(error).ShouldHaveSingleItem().ShouldStartWith("error: cannot use PostgreSQL at");
        }

        CliRunner.ShouldHoldNoStackTrace(error);
        rerunExit.ShouldBe(ExitCodes.Success, rerunError);
        var expected = await TableChecksums.OfContentAsync(clean);
        (await TableChecksums.OfContentAsync(restarted)).ShouldBe(expected);
        expected["studies"].ShouldStartWith($"{Studies}:");
        TestContext.Current.SendDiagnosticMessage($"restart mid-import: the import exited {exitCode} (run {firstStatus}){(exitCode == 0 ? string.Empty : $": {error.Trim()}")}; after the re-run all {expected.Count} table checksums equal a clean import's");
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
