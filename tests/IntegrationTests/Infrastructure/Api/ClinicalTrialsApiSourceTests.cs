using System.Diagnostics;
using System.Net;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Api;

/// <summary>The live-API adapter against a local fake server built from the real sample records; never the internet.</summary>
public sealed class ClinicalTrialsApiSourceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly ApiSourceOptions FastRetries = new() { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetries = 3 };
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-api-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_FromTheApi_PagesThroughRetriesFailuresAndEqualsTheFileImport()
    {
        _database.RequireAvailable();
        var studies = await StudySourceContractTests.RealStudiesForShapesAsync();
        await using var api = new FakeClinicalTrialsApi(studies, new Dictionary<int, HttpStatusCode>
        {
            [1] = HttpStatusCode.ServiceUnavailable,
            [3] = HttpStatusCode.TooManyRequests,
        });
        var first = ApiQuery.FirstPage(api.BaseUrl, "query.cond=asthma", new DateOnly(2024, 1, 1), pageSize: 50);
        var fromApi = await _database.CreateSiblingAsync();
        var fromFile = await _database.CreateSiblingAsync();

        var result = await TestImporter.ImportAsync(fromApi, first.ToString(), configure: s => s.AddSingleton(FastRetries));
        await TestImporter.ImportAsync(fromFile, await InputFiles.JsonArrayAsync(Path.Combine(_directory, "same.json"), studies));

        result.Status.ShouldBe(ImportStatus.Succeeded, result.Error);
        result.Written.ShouldBe(200);
        (await TableChecksums.OfContentAsync(fromApi)).ShouldBe(await TableChecksums.OfContentAsync(fromFile));
        var requests = api.Requests.ToArray();
        requests.Length.ShouldBe(6); // 4 pages of 50, plus the 503 and the 429 retried
        requests.ShouldAllBe(r => r.Contains("format=json") && r.Contains("pageSize=50") && r.Contains("query.cond=asthma"));
        Uri.UnescapeDataString(requests[0]).ShouldContain("filter.advanced=AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]");
        requests.Count(r => r.Contains("pageToken=p50")).ShouldBe(2); // the page whose first try got the 429
    }

    [Fact]
    public async Task ReadAsync_ApiKeepsFailing_GivesUpAfterTheRetriesNamingThePage()
    {
        var failures = Enumerable.Range(1, 10).ToDictionary(i => i, _ => HttpStatusCode.InternalServerError);
        await using var api = new FakeClinicalTrialsApi([], failures);
        using var http = new HttpClient();
        using var source = new ClinicalTrialsApiSource(http, FastRetries);

        var error = await Should.ThrowAsync<StudySourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(ApiQuery.FirstPage(api.BaseUrl, null, null), TestContext.Current.CancellationToken))
            {
            }
        });

        error.Message.ShouldContain("Page 1");
        error.Message.ShouldContain("500");
        error.Message.ShouldContain($"gave up after {FastRetries.MaxRetries + 1} tries over ");
        api.Requests.Count.ShouldBe(FastRetries.MaxRetries + 1);
    }

    [Fact(Timeout = 30_000)] // a hang guard: time is the fake clock's, moved by the test
    public async Task ReadAsync_RateLimit_SendsTheThirdRequestOnlyOnceTheMinuteHasPassed()
    {
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(30).ToList();
        await using var api = new FakeClinicalTrialsApi(studies);
        using var http = new HttpClient();
        var clock = new WaitRecordingTimeProvider();
        using var source = new ClinicalTrialsApiSource(http, FastRetries with { RequestsPerMinute = 2 }, timeProvider: clock);
        var reading = ClinicalTrialsApiRetryTests.ReadAllAsync(source, ApiQuery.FirstPage(api.BaseUrl, null, null, pageSize: 10));

        // 2 requests a minute: the first two pages come at once, the third waits a minute from the first.
        (await clock.NextWaitAsync(TestContext.Current.CancellationToken)).ShouldBe(TimeSpan.FromMinutes(1));
        api.Requests.Count.ShouldBe(2);
        await ClinicalTrialsApiRetryTests.ShouldStillWaitAfterAsync(clock, TimeSpan.FromSeconds(59.999), api, reading);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await reading).ShouldBe(30);
        api.Requests.Count.ShouldBe(3);
    }

    [Fact(Timeout = 30_000)] // a hang guard; the time asserted is the one below
    public async Task ReadAsync_CancelledDuringARetryAfterBackoff_EndsWithOperationCanceledAtOnce()
    {
        await using var api = new FakeClinicalTrialsApi([], new Dictionary<int, HttpStatusCode> { [1] = HttpStatusCode.ServiceUnavailable }, retryAfter: TimeSpan.FromSeconds(120));
        using var http = new HttpClient();
        using var source = new ClinicalTrialsApiSource(http, FastRetries);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reading = ReadAllAsync(source, ApiQuery.FirstPage(api.BaseUrl, null, null), cancel.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        reading.IsCompleted.ShouldBeFalse("the source should be waiting out the Retry-After");

        var cancelled = Stopwatch.GetTimestamp();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(reading);

        Stopwatch.GetElapsedTime(cancelled).ShouldBeLessThan(TimeSpan.FromSeconds(10)); // not a speed check: far inside the 120 s Retry-After it must not wait out
        api.Requests.Count.ShouldBe(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task ReadAsync_CancelledWhileWaitingForTheRateLimit_EndsWithOperationCanceledAtOnce()
    {
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(30).ToList();
        await using var api = new FakeClinicalTrialsApi(studies);
        using var http = new HttpClient();
        using var source = new ClinicalTrialsApiSource(http, FastRetries with { RequestsPerMinute = 1 });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var read = 0;
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in source.ReadAsync(ApiQuery.FirstPage(api.BaseUrl, null, null, pageSize: 10), cancel.Token))
            {
                read++;
            }
        }, TestContext.Current.CancellationToken);
        while (read < 10 && !reading.IsCompleted)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);

        var cancelled = Stopwatch.GetTimestamp();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(reading);

        Stopwatch.GetElapsedTime(cancelled).ShouldBeLessThan(TimeSpan.FromSeconds(10)); // not a speed check: far inside the minute-long rate window it must not wait out
        read.ShouldBe(10);
        api.Requests.Count.ShouldBe(1); // the second page waits for the next minute's permit
    }

    [Fact(Timeout = 30_000)] // a hang guard: time is the fake clock's, moved by the test
    public async Task ReadAsync_TooManyRequestsWithRetryAfter_WaitsAsLongAsTheServerAsks()
    {
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(3).ToList();
        await using var api = new FakeClinicalTrialsApi(studies, new Dictionary<int, HttpStatusCode> { [1] = HttpStatusCode.TooManyRequests }, retryAfter: TimeSpan.FromSeconds(1));
        using var http = new HttpClient();
        var clock = new WaitRecordingTimeProvider();
        using var source = new ClinicalTrialsApiSource(http, FastRetries, timeProvider: clock);

        var reading = ClinicalTrialsApiRetryTests.ReadAllAsync(source, ApiQuery.FirstPage(api.BaseUrl, null, null));

        (await clock.NextWaitAsync(TestContext.Current.CancellationToken)).ShouldBe(TimeSpan.FromSeconds(1)); // not the 20 ms backoff
        await ClinicalTrialsApiRetryTests.ShouldStillWaitAfterAsync(clock, TimeSpan.FromMilliseconds(999), api, reading);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        (await reading).ShouldBe(3);
        api.Requests.Count.ShouldBe(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task ReadAsync_ServerStallsPastTheClientTimeout_ThrowsTimeoutExceptionNamingTheAddressNotACancellation()
    {
        await using var api = new FakeClinicalTrialsApi([], stall: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        using var source = new ClinicalTrialsApiSource(http, FastRetries with { MaxRetries = 1 });
        var first = ApiQuery.FirstPage(api.BaseUrl, null, null);

        var error = await Should.ThrowAsync<Exception>(ReadAllAsync(source, first, TestContext.Current.CancellationToken));

        error.ShouldBeOfType<TimeoutException>();
        error.Message.ShouldStartWith(first.ToString());
        error.Message.ShouldContain("timed out after 0.3 s");
        api.Requests.Count.ShouldBe(2); // a timeout is retried like any failure
    }

    [Fact]
    public async Task Import_ApiTimesOut_EndsTheRunFailedNotRunningNorCancelled()
    {
        _database.RequireAvailable();
        await using var api = new FakeClinicalTrialsApi([], stall: true);
        var connection = await _database.CreateSiblingAsync();

        var error = await Should.ThrowAsync<Exception>(TestImporter.ImportAsync(connection, ApiQuery.FirstPage(api.BaseUrl, null, null).ToString(), configure: s => s
            .AddSingleton(FastRetries with { MaxRetries = 0 })
            .AddSingleton(new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) })));

        error.ShouldBeOfType<TimeoutException>();
        api.Requests.Count.ShouldBe(1); // MaxRetries = 0: no retry
        await using var database = new NpgsqlConnection(connection);
        await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var status = new NpgsqlCommand($"SELECT string_agg(status, ',' ORDER BY run_id) FROM {SchemaSql.DefaultSchemaName}.import_runs", database);
        (await status.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("failed");
    }

    private static async Task<int> ReadAllAsync(ClinicalTrialsApiSource source, Uri first, CancellationToken cancellationToken)
    {
        var read = 0;
        await foreach (var _ in source.ReadAsync(first, cancellationToken))
        {
            read++;
        }

        return read;
    }
}
