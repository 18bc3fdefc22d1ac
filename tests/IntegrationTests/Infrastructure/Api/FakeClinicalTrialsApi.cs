using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clinical.IntegrationTests.Infrastructure.Api;

/// <summary>
/// A stand-in for the ClinicalTrials.gov API v2 on 127.0.0.1: serves the given studies as <c>/api/v2/studies</c> pages
/// (format=json, pageSize, pageToken), records every request, and can fail chosen requests with a status code (and a
/// <c>Retry-After</c>), or stall: accept every request and never answer.
/// </summary>
internal sealed class FakeClinicalTrialsApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyList<string> _studies;
    private readonly IReadOnlyDictionary<int, HttpStatusCode> _failures;
    private readonly TimeSpan? _retryAfter;
    private readonly bool _retryAfterAsDate;
    private readonly bool _stall;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _stalled = [];
    private readonly Task _serving;
    private int _requests;

    /// <param name="studies">The studies to serve, compact JSON.</param>
    /// <param name="failures">Request number (1-based) → the status code that request gets instead of a page.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> the failures carry (none when null).</param>
    /// <param name="stall">Never answer any request (until disposed).</param>
    /// <param name="retryAfterAsDate">Send the <c>Retry-After</c> as an HTTP date (now + the wait) instead of seconds.</param>
    public FakeClinicalTrialsApi(
        IReadOnlyList<string> studies, IReadOnlyDictionary<int, HttpStatusCode>? failures = null, TimeSpan? retryAfter = null, bool stall = false, bool retryAfterAsDate = false)
    {
        _retryAfterAsDate = retryAfterAsDate;
        _studies = studies;
        _failures = failures ?? new Dictionary<int, HttpStatusCode>();
        _retryAfter = retryAfter;
        _stall = stall;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/api/v2/studies";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Every request's path and query, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _requests);
            Requests.Enqueue(context.Request.Url!.PathAndQuery);
            if (_stall)
            {
                _stalled.Add(StallAsync(context.Response));
                continue;
            }

            using var response = context.Response;
            if (_failures.TryGetValue(number, out var failure))
            {
                response.StatusCode = (int)failure;
                if (_retryAfter is { } wait)
                {
                    response.Headers.Add(HttpResponseHeader.RetryAfter, _retryAfterAsDate
                        ? (DateTimeOffset.UtcNow + wait).ToString("r", System.Globalization.CultureInfo.InvariantCulture)
                        : ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                continue;
            }

            var query = context.Request.QueryString;
            var size = int.Parse(query["pageSize"] ?? "10", System.Globalization.CultureInfo.InvariantCulture);
            var offset = query["pageToken"] is { } token ? int.Parse(token[1..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var page = _studies.Skip(offset).Take(size).ToList();
            var next = offset + size < _studies.Count ? $",\"nextPageToken\":\"p{offset + size}\"" : string.Empty;
            var body = Encoding.UTF8.GetBytes("{\"studies\":[\n" + string.Join(",\n", page) + "\n]" + next + "}");
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(body);
        }
    }

    private async Task StallAsync(HttpListenerResponse response)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            response.Abort();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_stalled);
        _stopping.Dispose();
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
