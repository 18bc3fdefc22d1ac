using System.Net;
using Clinical.Cli;
using Clinical.Infrastructure.Api;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.Infrastructure.Api;

/// <summary>
/// The API says slow down: a 429 or 503 with <c>Retry-After</c>, in seconds or as an HTTP date, is waited out in full
/// (not the shorter backoff), on a fake clock: the retry is not sent until the clock has moved the whole wait; and an API
/// import records the address as given.
/// </summary>
public sealed class ClinicalTrialsApiRetryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly ApiSourceOptions FastRetries = new() { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 3 };
    private readonly PostgresDatabase _database = database;

    [Theory(Timeout = 60_000)] // a hang guard: time is the fake clock's, moved by the test
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    public async Task ReadAsync_RetryAfterThreeSeconds_SendsTheRetryOnlyOnceTheClockHasMovedThreeSeconds(HttpStatusCode status, bool asDate)
    {
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(2).ToList();
        await using var api = new FakeClinicalTrialsApi(studies, new Dictionary<int, HttpStatusCode> { [1] = status }, TimeSpan.FromSeconds(3), retryAfterAsDate: asDate);
        using var http = new HttpClient();
        var clock = new WaitRecordingTimeProvider();
        using var source = new ClinicalTrialsApiSource(http, FastRetries, timeProvider: clock);

        var reading = ReadAllAsync(source, ApiQuery.FirstPage(api.BaseUrl, null, null));
        var wait = await clock.NextWaitAsync(TestContext.Current.CancellationToken);

        wait.ShouldBe(TimeSpan.FromSeconds(3)); // not the 20 ms backoff, nor 2 s
        await ShouldStillWaitAfterAsync(clock, wait - TimeSpan.FromMilliseconds(1), api, reading);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await reading).ShouldBe(2);
        api.Requests.Count.ShouldBe(2);
    }

    /// <summary>
    /// Moves the clock by <paramref name="advance"/> (short of the wait), then gives a retry sent too early real time to
    /// arrive: none does, and the read still waits.
    /// </summary>
    internal static async Task ShouldStillWaitAfterAsync(FakeTimeProvider clock, TimeSpan advance, FakeClinicalTrialsApi api, Task reading)
    {
        var before = api.Requests.Count;
        clock.Advance(advance);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        api.Requests.Count.ShouldBe(before, $"a request was sent {advance.TotalSeconds:0.###} s into the wait");
        reading.IsCompleted.ShouldBeFalse();
    }

    internal static async Task<int> ReadAllAsync(ClinicalTrialsApiSource source, Uri first)
    {
        var read = 0;
        await foreach (var _ in source.ReadAsync(first, TestContext.Current.CancellationToken))
        {
            read++;
        }

        return read;
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
