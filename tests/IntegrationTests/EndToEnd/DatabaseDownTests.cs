using System.Text.RegularExpressions;
using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The server goes down during an import and stays down past every retry (a private cluster, stopped mid-run; the retry
/// budget set small through its variables): one line with the number of attempts and the time they took, exit 4; once the
/// server is back, the next run marks the lost one interrupted and completes the import.
/// </summary>
public sealed partial class DatabaseDownTests : IDisposable
{
    private const int Studies = 3_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-down-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_DatabaseStaysDownPastEveryRetry_OneLineWithTheAttemptsAndExit4()
    {
        await using var cluster = await PrivatePostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("clinical_down");
        var path = Path.Combine(_directory, "synthetic.json");
        await using (var file = File.Create(path))
        {
            new SampleStudyGenerator().WriteArray(file, Studies, seed: 23, TestContext.Current.CancellationToken);
        }

        var budget = new Dictionary<string, string> { [RetryBudget.AttemptsVariable] = "3", [RetryBudget.PauseVariable] = "200ms" };
        var import = CliRunner.RunProcessAsync(["import", path, "--quiet", "--batch-size", "50", "--connection", connectionString], budget);
        await WaitForStudiesAsync(connectionString, 300, import);
        await cluster.StopServerAsync();
        var (exitCode, _, error) = await import;

        await cluster.StartServerAsync();
        var (rerunExit, _, rerunError) = await CliRunner.RunProcessAsync(["import", path, "--quiet", "--batch-size", "50", "--connection", connectionString], budget);

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, error);
        var line = CliRunner.Lines(error).ShouldHaveSingleItem();
        line.ShouldStartWith($"error: cannot use PostgreSQL at 127.0.0.1:{cluster.Port}/clinical_down as postgres: the database stayed unreachable: 3 attempts over ");
        GaveUp().IsMatch(line).ShouldBeTrue(line);
        CliRunner.ShouldHoldNoStackTrace(error);
        rerunExit.ShouldBe(ExitCodes.Success, rerunError);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var runs = new NpgsqlCommand($"SELECT string_agg(status, ',' ORDER BY run_id) FROM {DatabaseSchema.Default.Qualified("import_runs")}", connection);
        ((string)(await runs.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe("interrupted,succeeded");
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("studies")}", connection);
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(Studies);
        TestContext.Current.SendDiagnosticMessage($"database down: {line}");
    }

    /// <summary>Waits until the import has written <paramref name="studies"/> studies (fails if it ends first).</summary>
    internal static async Task WaitForStudiesAsync(string connectionString, long studies, Task<(int ExitCode, string Output, string Error)> import)
    {
        while (!import.IsCompleted)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var exists = new NpgsqlCommand($"SELECT to_regclass('{DatabaseSchema.Default.Qualified("studies")}') IS NOT NULL", connection);
            if (!(bool)(await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)
            {
                continue;
            }

            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("studies")}", connection);
            if ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= studies)
            {
                return;
            }
        }

        var (exitCode, _, error) = await import;
        Assert.Fail($"the import ended (exit {exitCode}) before it had written {studies} studies: {error}");
    }

    [GeneratedRegex(@"3 attempts over \d+\.\d s \(2 retries\), the last one failed with: .+\. Check that the server is up, then run again: every batch written so far is kept$")]
    private static partial Regex GaveUp();
}
