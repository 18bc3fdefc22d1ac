using Clinical.Application.Database.CheckDatabase;
using Clinical.Application.Runs.GetRecentRuns;
using Clinical.Application.Schema.GetDataDictionary;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Application.Studies.Import;
using Clinical.IntegrationTests.TestData;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure;

public sealed class CompositionTests
{
    [Fact]
    public async Task BuildServices_RealComposition_ValidatesAndResolvesTheSenderAndEveryPort()
    {
        await using var services = TestImporter.BuildServices("Host=127.0.0.1;Port=1;Database=x;Username=u");
        await using var scope = services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<ISender>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<IStudySource>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<IStudyStore>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<RawStudyProcessor>().ShouldNotBeNull();
    }

    [Fact]
    public async Task BuildServices_RealComposition_ResolvesThePortsOfTheCliQueries()
    {
        await using var services = TestImporter.BuildServices("Host=127.0.0.1;Port=1;Database=x;Username=u");
        await using var scope = services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IRunHistory>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<IStatisticsReport>().ShouldNotBeNull();
        scope.ServiceProvider.GetRequiredService<IDataDictionary>().Markdown().ShouldStartWith("# Data dictionary");
        scope.ServiceProvider.GetRequiredService<IDatabaseProbe>().ShouldNotBeNull();
    }
}
