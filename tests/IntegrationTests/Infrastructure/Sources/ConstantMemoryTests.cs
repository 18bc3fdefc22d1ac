using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>
/// Rule 3, constant memory: a source holds the study being read, never the input. The bound stated and checked here:
/// streaming 20,000 studies (105 MB of JSON) through the registry grows the live managed heap, and the process's
/// working set, by less than 64 MB; holding the studies would take more than 100 MB. Measured: live heap +1 MB, working set +9 MB.
/// </summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class ConstantMemoryTests : IAsyncDisposable
{
    private const int Studies = 20_000;
    private const long Bound = 64L << 20;
    private readonly StandardInputFeed _stdin = new();

    public ValueTask DisposeAsync() => _stdin.DisposeAsync();

    [Fact]
    public async Task ReadAsync_TwentyThousandStudiesOver100Mb_LiveHeapAndWorkingSetGrowLessThan64Mb()
    {
        var input = new GeneratedStudiesStream(Studies, summaryChars: 5_300);
        _stdin.FeedStream(input);
        await using var services = TestImporter.BuildServices("Host=127.0.0.1;Port=1;Database=x;Username=u", s => s.AddSingleton<IStandardInput>(_stdin));
        var source = services.GetRequiredService<IStudySource>();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        long read = 0, heapGrowth = 0, workingSetGrowth = 0;

        await foreach (var study in source.ReadAsync(StandardInputSource.Location, TestContext.Current.CancellationToken))
        {
            read++;
            if (read % 1_000 == 0)
            {
                heapGrowth = Math.Max(heapGrowth, GC.GetTotalMemory(forceFullCollection: true) - heapBefore);
                workingSetGrowth = Math.Max(workingSetGrowth, Environment.WorkingSet - workingSetBefore);
            }
        }

        read.ShouldBe(Studies);
        input.Produced.ShouldBeGreaterThan(100L << 20);
        TestContext.Current.TestOutputHelper?.WriteLine($"input {input.Produced >> 20} MB; live heap +{heapGrowth >> 10} KB; working set +{workingSetGrowth >> 10} KB");
        heapGrowth.ShouldBeLessThan(Bound);
        workingSetGrowth.ShouldBeLessThan(Bound);
    }
}
