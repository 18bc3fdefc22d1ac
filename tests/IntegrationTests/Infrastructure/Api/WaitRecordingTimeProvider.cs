using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Clinical.IntegrationTests.Infrastructure.Api;

/// <summary>
/// A fake clock (time moves only when the test advances it) that also tells the test each one-shot wait as it begins:
/// a backoff or a <c>Retry-After</c> is such a timer, so the test knows the source is waiting, and for how long, before it
/// moves the clock. Periodic timers (the rate limit's replenishing) are not reported.
/// </summary>
internal sealed class WaitRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The next wait begun on this clock (after its timer is armed, so advancing the clock now ends it).</summary>
    public async Task<TimeSpan> NextWaitAsync(CancellationToken cancellationToken) => await _waits.Reader.ReadAsync(cancellationToken);
}
