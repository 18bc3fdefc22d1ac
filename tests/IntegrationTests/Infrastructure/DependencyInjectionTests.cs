using Clinical.Application;
using Clinical.Application.Schema;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence;
using Clinical.SampleGenerator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure;

public sealed class DependencyInjectionTests
{
    [Fact]
    public void AddInfrastructure_AfterAddApplication_RegistersTimeProviderOnce()
    {
        var services = new ServiceCollection().AddApplication();

        Clinical.Infrastructure.DependencyInjection.AddInfrastructure(services, Configuration());

        services.Count(d => d.ServiceType == typeof(TimeProvider)).ShouldBe(1);
    }

    [Fact]
    public async Task AddInfrastructure_HostRegisteredItsOwnTimeProvider_ThatClockIsTheOneResolved()
    {
        var clock = new StoppedClock();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddApplication();
        Clinical.Infrastructure.DependencyInjection.AddInfrastructure(services, Configuration()).AddSampleGenerator();

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        provider.GetRequiredService<TimeProvider>().ShouldBeSameAs(clock);
    }

    [Fact]
    public async Task AddInfrastructure_StudyRepository_IsTheFacadeOverItsSingletonParts()
    {
        var services = new ServiceCollection().AddLogging().AddApplication();
        Clinical.Infrastructure.DependencyInjection.AddInfrastructure(services, Configuration()).AddSampleGenerator();

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var store = provider.GetRequiredService<PostgresStudyRepository>();
        provider.GetRequiredService<IRunLedger>().ShouldBeSameAs(store);
        provider.GetRequiredService<IStudyStore>().ShouldBeSameAs(store);
        provider.GetRequiredService<IStudyRowEncoder>().ShouldBeSameAs(store);
        provider.GetRequiredService<ISchemaMigrator>().ShouldBeSameAs(store);
        provider.GetRequiredService<RunLedger>().ShouldBeSameAs(provider.GetRequiredService<RunLedger>());
        provider.GetRequiredService<StudyCopyWriter>().ShouldBeSameAs(provider.GetRequiredService<StudyCopyWriter>());
        provider.GetRequiredService<FirstLoadKeyManager>().ShouldBeSameAs(provider.GetRequiredService<FirstLoadKeyManager>());
        provider.GetRequiredService<TransientErrorRetry>().ShouldBeSameAs(provider.GetRequiredService<TransientErrorRetry>());
    }

    private static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{Clinical.Infrastructure.DependencyInjection.ConnectionStringName}"] = "Host=127.0.0.1;Port=1;Database=x;Username=u" })
            .Build();

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    }
}
