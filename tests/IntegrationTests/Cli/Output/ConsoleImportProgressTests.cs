using Clinical.Application.Studies.Import;
using Clinical.Cli.Output;

namespace Clinical.IntegrationTests.Cli.Output;

/// <summary>The import's writers report progress from several threads at once.</summary>
public sealed class ConsoleImportProgressTests
{
    private static readonly ImportProgressSnapshot Snapshot = new(1_000, 900, 50, 50, 12_345, 0, null, TimeSpan.FromSeconds(2));

    [Fact]
    public void Report_ManyThreadsAtOnce_WritesOneLinePerInterval()
    {
        const int Rounds = 25;
        const int Threads = 8;
        var clock = new SlowClock();
        using var error = new StringWriter();
        var progress = new ConsoleImportProgress(TextWriter.Synchronized(error), interactive: false, clock);
        // Each round: every thread waits, the clock moves on by more than the 5 s interval, then all report at once.
        using var barrier = new Barrier(Threads, _ => clock.Advance(TimeSpan.FromSeconds(10)));
        var failures = new List<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            try
            {
                for (var round = 0; round < Rounds; round++)
                {
                    barrier.SignalAndWait();
                    progress.Report(Snapshot);
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        failures.ShouldBeEmpty();
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(Rounds);
        lines.ShouldAllBe(line => line.StartsWith("1,000 studies read", StringComparison.Ordinal) && line.Contains("12,345 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void Report_WithinTheInterval_WritesNothingMore()
    {
        var clock = new SlowClock();
        using var error = new StringWriter();
        var progress = new ConsoleImportProgress(error, interactive: false, clock);

        progress.Report(Snapshot);
        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Report(Snapshot);
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Report(Snapshot);

        error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    /// <summary>
    /// A clock that only moves when told, and is slow to say how fast it ticks: the pause widens the gap between a
    /// reporter's check of the elapsed time and its note of the new report, where an unguarded check lets others in.
    /// </summary>
    private sealed class SlowClock : TimeProvider
    {
        private long _now = 1_000_000;

        public override long TimestampFrequency
        {
            get
            {
                Thread.Sleep(1);
                return TimeSpan.TicksPerSecond;
            }
        }

        public override long GetTimestamp() => Interlocked.Read(ref _now);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _now, by.Ticks);
    }
}
