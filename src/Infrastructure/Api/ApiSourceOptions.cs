namespace Clinical.Infrastructure.Api;

/// <summary>
/// How politely to ask the API: 50 requests a minute, failed requests retried up to 5 times with exponential backoff
/// from 2 s, or after the server's <c>Retry-After</c> when it gives one (at most <see cref="MaxRetryAfter"/>).
/// </summary>
public sealed record ApiSourceOptions
{
    public int RequestsPerMinute { get; init; } = 50;

    public int MaxRetries { get; init; } = 5;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);
}
