using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using DuckDB.NET.Data;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>
/// SQL written for AACT runs unchanged on the file of <c>clinical export --format duckdb</c>: every query of
/// <c>tests/fixtures/aact/queries.sql</c> gives the same answer there as on PostgreSQL's AACT layer, over the 200 real studies.
/// </summary>
[Collection(AactCollection.Name)]
public sealed class DuckDbAactParityTests(AactRealStudies studies) : IDisposable
{
    private readonly AactRealStudies _studies = studies;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-duckdb-parity-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task QuerySuite_OnPostgresAndOnTheExportedDuckDbFile_GivesTheSameAnswers()
    {
        // Arrange
        _studies.RequireAvailable();
        var file = Path.Combine(_directory, "aact.duckdb");
        var (exitCode, _, error) = await CliRunner.RunAsync(["export", "--format", "duckdb", "--output", file, "--connection", _studies.ConnectionString]);
        exitCode.ShouldBe(ExitCodes.Success, error);
        var queries = QueryAnswers.Suite(TestFixtures.AactQueriesPath);
        await using var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_studies.ConnectionString) { Pooling = false }.ConnectionString);
        await postgres.OpenAsync(TestContext.Current.CancellationToken);
        await using var duckdb = new DuckDBConnection($"Data Source={file}");
        await duckdb.OpenAsync(TestContext.Current.CancellationToken);
        var differences = new List<string>();

        // Act
        foreach (var (name, sql) in queries)
        {
            var expected = await QueryAnswers.RowsAsync(postgres, sql);
            List<string> actual;
            try
            {
                actual = await QueryAnswers.RowsAsync(duckdb, sql);
            }
            catch (DuckDBException ex)
            {
                differences.Add($"{name}: DuckDB refused it: {ex.Message}");
                continue;
            }

            expected.ShouldNotBeEmpty(name);
            if (!expected.SequenceEqual(actual))
            {
                var at = Enumerable.Range(0, Math.Max(expected.Count, actual.Count)).First(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i]);
                differences.Add($"{name}: row {at}: PostgreSQL {expected.ElementAtOrDefault(at) ?? "(none)"} / DuckDB {actual.ElementAtOrDefault(at) ?? "(none)"}");
            }
        }

        // Assert
        queries.Count.ShouldBeGreaterThanOrEqualTo(30);
        differences.ShouldBeEmpty();
    }
}
