using System.Net;
using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Clinical.Infrastructure.Api;

/// <summary>
/// The adapter for the live ClinicalTrials.gov API v2 (<c>GET /api/v2/studies?format=json</c>), for any http(s)
/// address: page after page by <c>nextPageToken</c>, politely: at most <see cref="ApiSourceOptions.RequestsPerMinute"/>
/// requests a minute, and failed, throttled or timed-out requests retried with exponential backoff and jitter, or after
/// the server's <c>Retry-After</c> (Polly). Each page is read whole (≤ 1,000 studies), within the client's timeout, then
/// split like any API page, so memory stays flat however many pages there are. The caller's cancellation ends a backoff
/// or a wait for the rate limit at once. Every wait (backoff, <c>Retry-After</c>, the rate limit's window) is on the given
/// <see cref="TimeProvider"/> (the system's clock, or a test's fake one); each retry is logged as a warning with its wait.
/// </summary>
public sealed partial class ClinicalTrialsApiSource : IStudySourceAdapter, IDisposable
{
    private readonly HttpClient _http;
    private readonly StudyReaderOptions _readerOptions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ClinicalTrialsApiSource> _logger;
    private readonly RequestRateGate _rate;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ClinicalTrialsApiSource(
        HttpClient http, ApiSourceOptions options, StudyReaderOptions? readerOptions = null, TimeProvider? timeProvider = null, ILogger<ClinicalTrialsApiSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _readerOptions = readerOptions ?? new StudyReaderOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ClinicalTrialsApiSource>.Instance;
        _rate = new RequestRateGate(options.RequestsPerMinute, TimeSpan.FromMinutes(1), _timeProvider);
        _pipeline = BuildPipeline(options);
    }

    public string Reads => "an http(s):// address of the API's studies endpoint (--from-api)";

    public bool CanRead(string location) => ApiQuery.IsUrl(location);

    /// <summary>The address as given: it is the query that was imported.</summary>
    public StudySourceInfo Describe(string path) => new(path, "api", null);

    public IAsyncEnumerable<RawStudy> ReadAsync(string path, CancellationToken cancellationToken) => ReadAsync(new Uri(path), cancellationToken);

    /// <summary>Reads every page, starting at <paramref name="first"/> (a studies URL with its query, see <see cref="ApiQuery"/>).</summary>
    public async IAsyncEnumerable<RawStudy> ReadAsync(Uri first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = new StudyStreamPosition { MaxStudyBytes = _readerOptions.MaxStudyBytes };
        var page = first;
        for (var number = 1; ; number++)
        {
            using (var response = await GetPageAsync(page, number, cancellationToken))
            {
                await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
                await foreach (var study in StudyStreamReader.ReadAsync(content, $"{page} (page {number})", position, cancellationToken))
                {
                    yield return study;
                }
            }

            if (string.IsNullOrEmpty(position.NextPageToken))
            {
                yield break;
            }

            page = new Uri($"{first}&pageToken={Uri.EscapeDataString(position.NextPageToken)}");
        }
    }

    /// <summary>
    /// The page, read whole (the client's timeout covers the body too); throws unless the API answered 2xx. A give-up says
    /// how many tries it made over how long.
    /// </summary>
    private async Task<HttpResponseMessage> GetPageAsync(Uri page, int number, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        var tries = 0;
        var started = _timeProvider.GetTimestamp();
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    await _rate.WaitAsync(token); // every try, a retry too, counts against the rate
                    Interlocked.Increment(ref tries);
                    return await _http.GetAsync(page, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new StudySourceException(page.ToString(), $"Page {number}: the API could not be reached ({ex.Message.TrimEnd('.')}); gave up after {Tries(tries, started)}.", inner: ex);
        }
        catch (TaskCanceledException ex) when (IsTimeout(ex) && !cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: a failure of the run, never mistaken for a Ctrl+C.
            throw new TimeoutException(
                $"{page}: page {number}: the API did not answer; timed out after {_http.Timeout.TotalSeconds:0.###} s; gave up after {Tries(tries, started)}.", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new StudySourceException(page.ToString(), $"Page {number}: the API answered {(int)response.StatusCode} {response.ReasonPhrase}; gave up after {Tries(tries, started)}.");
            }
        }

        return response;
    }

    private string Tries(int tries, long started) =>
        $"{tries} {(tries == 1 ? "try" : "tries")} over {_timeProvider.GetElapsedTime(started).TotalSeconds:0.#} s";

    public void Dispose() => _rate.Dispose();

    /// <summary>Retries (none when <see cref="ApiSourceOptions.MaxRetries"/> is 0), on the source's clock; each try waits for the rate first.</summary>
    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(ApiSourceOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    LogRetry(args.Outcome.Result is { } failed ? $"answered {(int)failed.StatusCode} {failed.ReasonPhrase}" : $"failed ({args.Outcome.Exception?.Message.TrimEnd('.')})",
                        args.RetryDelay.TotalSeconds, args.AttemptNumber + 1, options.MaxRetries);
                    return ValueTask.CompletedTask;
                },
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(IsTimeout)
                    .HandleResult(response => response.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError),
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API {Outcome}; retrying in {Seconds:0.###} s (retry {Retry} of {MaxRetries})")]
    private partial void LogRetry(string outcome, double seconds, int retry, int maxRetries);

    /// <summary>HttpClient's own timeout: a <see cref="TaskCanceledException"/> wrapping a <see cref="TimeoutException"/>.</summary>
    private static bool IsTimeout(TaskCanceledException exception) => exception.InnerException is TimeoutException;

    /// <summary>
    /// The server's <c>Retry-After</c>, at most <paramref name="max"/>; null: the exponential backoff. In seconds, as given;
    /// as an HTTP date, counted from the response's own <c>Date</c> (the server's clock, in whole seconds like the
    /// <c>Retry-After</c> date), so neither clock skew nor the truncation to seconds shortens the wait.
    /// </summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < max ? delta : max,
        { Date: { } date } => TimeSpan.FromTicks(Math.Clamp((date - (response.Headers.Date ?? _timeProvider.GetUtcNow())).Ticks, 0, max.Ticks)),
        _ => null,
    };
}
