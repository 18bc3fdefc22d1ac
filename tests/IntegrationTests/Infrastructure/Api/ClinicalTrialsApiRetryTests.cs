using System.Diagnostics;
using System.Net;
using Clinical.Cli;
using Clinical.Infrastructure.Api;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.Infrastructure.Api;

/// <summary>
/// The API says slow down: a 429 or 503 with <c>Retry-After</c>, in seconds or as an HTTP date, is waited out in full
/// (not the shorter backoff); and an API import records the address as given.
/// </summary>
public sealed class ClinicalTrialsApiRetryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly ApiSourceOptions FastRetries = new() { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 3 };
    private readonly PostgresDatabase _database = database;

    [Theory(Timeout = 60_000)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    public async Task ReadAsync_RetryAfterThreeSeconds_WaitsAtLeastThreeSecondsBeforeTheRetry(HttpStatusCode status, bool asDate)
    {
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(2).ToList();
        await using var api = new FakeClinicalTrialsApi(studies, new Dictionary<int, HttpStatusCode> { [1] = status }, TimeSpan.FromSeconds(3), retryAfterAsDate: asDate);
        using var http = new HttpClient();
        var source = new ClinicalTrialsApiSource(http, FastRetries);
        var started = Stopwatch.GetTimestamp();
        var read = 0;

        await foreach (var _ in source.ReadAsync(ApiQuery.FirstPage(api.BaseUrl, null, null), TestContext.Current.CancellationToken))
        {
            read++;
        }

        read.ShouldBe(2);
        api.Requests.Count.ShouldBe(2);
        Stopwatch.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2.95)); // not the 20 ms backoff, nor 2 s
    }

    [Fact]
    public async Task Import_FromApi_RecordsTheAddressAsGivenAsTheRunsSource()
    {
        _database.RequireAvailable();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(3).ToList();
        await using var api = new FakeClinicalTrialsApi(studies);
        var connection = await _database.CreateSiblingAsync();
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["import", "--from-api", "--api-url", api.BaseUrl, "--quiet", "--connection", connection], console, output, error, _ => null);

        exitCode.ShouldBe(ExitCodes.Success, error.ToString());
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand("SELECT source_path || ' ' || source_kind FROM registry.import_runs");
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe($"{ApiQuery.FirstPage(api.BaseUrl, null, null)} api");
    }
}
