using System.Text.Json.Nodes;
using Clinical.Cli;
using Clinical.Infrastructure.Json;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>The size limit of one study, set by <c>--max-study-mb</c> or its variable: a larger study is quarantined cut off, the rest loads.</summary>
public sealed class StudySizeLimitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-size-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--max-study-mb", null)]
    [InlineData(null, StudyReaderOptions.MaxStudyVariable)]
    public async Task Import_StudyOverTheLimit_IsQuarantinedWithItsSizeAndPrefixAndTheRestLoads(string? option, string? variable)
    {
        _database.RequireAvailable();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(5).ToList();
        var big = JsonNode.Parse(studies[2])!;
        big["protocolSection"]!["descriptionModule"] = new JsonObject { ["briefSummary"] = new string('x', 3 << 20) };
        studies[2] = big.ToJsonString();
        var path = await InputFiles.JsonArrayAsync(Path.Combine(_directory, "big.json"), studies);
        var connection = await _database.CreateSiblingAsync();
        string[] limit = option is null ? [] : [option, "1"];

        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["import", path, "--quiet", "--connection", connection, .. limit], console, output, error, name => name == variable ? "1" : null);

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects, error.ToString());
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM registry.studies"))
        {
            ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(4);
        }

        await using var quarantine = dataSource.CreateCommand("SELECT ordinal, reason, raw_json FROM registry.quarantine");
        await using var reader = await quarantine.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(2);
        reader.GetString(1).ShouldStartWith($"The study is {System.Text.Encoding.UTF8.GetByteCount(studies[2]):N0} bytes, over the size limit");
        reader.GetString(2).ShouldBe(System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(studies[2]), 0, StudyReaderOptions.CutOffPrefixBytes));
    }
}
