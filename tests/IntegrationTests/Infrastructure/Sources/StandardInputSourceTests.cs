using System.Diagnostics;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>Standard input that blocks (a stalled <c>curl … |</c>): cancellation must still end the read at once.</summary>
public sealed class StandardInputSourceTests : IAsyncDisposable
{
    private readonly StandardInputFeed _stdin = new();

    public ValueTask DisposeAsync() => _stdin.DisposeAsync();

    [Fact(Timeout = 30_000)] // a hang guard; the time asserted is the one below
    public async Task ReadAsync_BlockedReadCancelled_EndsWithOperationCanceledAtOnce()
    {
        _stdin.FeedSilentPipe();
        await using var services = TestImporter.BuildServices("Host=127.0.0.1;Port=1;Database=x;Username=u", s => s.AddSingleton<IStandardInput>(_stdin));
        var source = services.GetRequiredService<IStudySource>();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in source.ReadAsync(StandardInputSource.Location, cancel.Token))
            {
            }
        }, TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        reading.IsCompleted.ShouldBeFalse("the read should be blocked on the silent pipe");

        var cancelled = Stopwatch.GetTimestamp();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(reading);

        Stopwatch.GetElapsedTime(cancelled).ShouldBeLessThan(TimeSpan.FromSeconds(10)); // not a speed check: far inside a read that would block forever
        _stdin.Opened.ShouldBe(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task FeedSilentPipe_ReadWithoutTheAdapter_IgnoresCancellationAsTheConsoleDoes()
    {
        // The control for the test above: the test's pipe blocks like the console's stdin, so what ends that read
        // early is the adapter, not the pipe.
        _stdin.FeedSilentPipe();
        var raw = _stdin.Open();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var read = raw.ReadAsync(new byte[16], cancel.Token).AsTask();
        var first = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));

        first.ShouldNotBeSameAs(read);
    }
}
