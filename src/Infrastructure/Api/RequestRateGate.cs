namespace Clinical.Infrastructure.Api;

/// <summary>
/// At most <c>limit</c> requests begin in any <c>window</c> (a sliding log of the last starts), on the given clock: a
/// request that would be one too many waits until the earliest in the window leaves it. One waiter at a time, in turn; the
/// caller's cancellation ends a wait at once. (System.Threading.RateLimiting's limiters keep their own Stopwatch time, so a
/// fake clock could never move their window.)
/// </summary>
internal sealed class RequestRateGate(int limit, TimeSpan window, TimeProvider clock) : IDisposable
{
    private readonly Queue<long> _starts = new(); // the timestamps of the last requests begun, at most limit
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            if (_starts.Count == limit)
            {
                var wait = window - clock.GetElapsedTime(_starts.Peek());
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }

                _starts.Dequeue();
            }

            _starts.Enqueue(clock.GetTimestamp());
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
