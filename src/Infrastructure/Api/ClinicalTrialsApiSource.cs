using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Polly;
using Polly.Retry;

namespace Clinical.Infrastructure.Api;

/// <summary>
/// Reads studies from the live ClinicalTrials.gov API v2 (<c>GET /api/v2/studies?format=json</c>), page after page by
/// <c>nextPageToken</c>, politely: at most <see cref="ApiSourceOptions.RequestsPerMinute"/> requests a minute, and failed
/// or throttled requests retried with exponential backoff and jitter (Polly). Each page is read whole (≤ 1,000 studies),
/// then split like any API page, so memory stays flat however many pages there are.
/// </summary>
public sealed class ClinicalTrialsApiSource(HttpClient http, ApiSourceOptions options)
{
    private readonly HttpClient _http = http;
    private readonly ApiSourceOptions _options = options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>(ex => !ex.CancellationToken.IsCancellationRequested)
                .HandleResult(response => response.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError),
        })
        .AddRateLimiter(new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = int.MaxValue, // wait for a permit rather than fail
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }))
        .Build();

    /// <summary>Reads every page, starting at <paramref name="first"/> (a studies URL with its query, see <see cref="ApiQuery"/>).</summary>
    public async IAsyncEnumerable<RawStudy> ReadAsync(Uri first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = new StudyFileSource.Position();
        var page = first;
        for (var number = 1; ; number++)
        {
            var body = await GetPageAsync(page, number, cancellationToken);
            await using var content = new MemoryStream(body, writable: false);
            await foreach (var study in StudyFileSource.ReadStreamAsync(content, $"{page} (page {number})", position, cancellationToken))
            {
                yield return study;
            }

            if (string.IsNullOrEmpty(position.NextPageToken))
            {
                yield break;
            }

            page = new Uri($"{first}&pageToken={Uri.EscapeDataString(position.NextPageToken)}");
        }
    }

    private async Task<byte[]> GetPageAsync(Uri page, int number, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token => await _http.GetAsync(page, HttpCompletionOption.ResponseHeadersRead, token), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new StudySourceException(page.ToString(), $"Page {number}: the API could not be reached after {_options.MaxRetries} retries: {ex.Message}", inner: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new StudySourceException(page.ToString(), $"Page {number}: the API answered {(int)response.StatusCode} {response.ReasonPhrase} (after retries).");
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
    }
}

/// <summary>How politely to ask the API: 50 requests a minute, failed requests retried up to 5 times.</summary>
public sealed record ApiSourceOptions
{
    public int RequestsPerMinute { get; init; } = 50;

    public int MaxRetries { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>The first page's address of an API import: the studies endpoint, JSON, full pages, the user's query and --since.</summary>
public static class ApiQuery
{
    public const string DefaultBaseUrl = "https://clinicaltrials.gov/api/v2/studies";

    /// <param name="baseUrl">The studies endpoint.</param>
    /// <param name="query">Extra parameters as the API takes them, e.g. <c>query.cond=diabetes&amp;filter.overallStatus=RECRUITING</c>.</param>
    /// <param name="since">Only studies whose last update was posted on or after this date (LastUpdatePostDate).</param>
    /// <param name="pageSize">Studies per page (the API allows up to 1,000).</param>
    public static Uri FirstPage(string baseUrl, string? query, DateOnly? since, int pageSize = 1000)
    {
        var parts = new List<string> { "format=json", $"pageSize={pageSize}" };
        if (!string.IsNullOrWhiteSpace(query))
        {
            parts.Add(query.TrimStart('?', '&'));
        }

        if (since is { } date)
        {
            parts.Add($"filter.advanced={Uri.EscapeDataString($"AREA[LastUpdatePostDate]RANGE[{date:yyyy-MM-dd},MAX]")}");
        }

        return new Uri($"{baseUrl.TrimEnd('/')}?{string.Join('&', parts)}");
    }

    public static bool IsUrl(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
