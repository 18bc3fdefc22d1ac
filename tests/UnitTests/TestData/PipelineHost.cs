using Clinical.Application;
using Clinical.Application.Common.Output;
using Clinical.Application.Database.CheckDatabase;
using Clinical.Application.Runs.GetRecentRuns;
using Clinical.Application.Samples;
using Clinical.Application.Schema;
using Clinical.Application.Schema.GetCitusLayout;
using Clinical.Application.Schema.GetDataDictionary;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Application.Studies.Export;
using Clinical.Application.Studies.History;
using Clinical.Application.Studies.Import;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// The real Application composition (Mediator with its behaviors, the validators, the per-study pipeline) over substitutes
/// for the ports it needs: the repository, the parser, the schema, the source, and the report ports of the other use cases.
/// </summary>
internal sealed class PipelineHost : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public PipelineHost(IImportPorts repository, IStudyDecoder? decoder = null, IStudySchema? schema = null, IStudySource? source = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddApplication();
        services.AddSingleton<IRunLedger>(repository);
        services.AddSingleton<IStudyStore>(repository);
        services.AddSingleton<IStudyRowEncoder>(repository);
        services.AddSingleton<IStudyDecoder>(decoder ?? StubStudyDecoder.Json());
        services.AddSingleton<IStudySchema>(schema ?? TestStudySchema.Common);
        services.AddSingleton(source ?? Substitute.For<IStudySource>());

        // The other use cases' ports, so the whole container validates.
        services.AddSingleton(Substitute.For<IDatabaseProbe>());
        services.AddSingleton(Substitute.For<IRunHistory>());
        services.AddSingleton(Substitute.For<IStatisticsReport>());
        services.AddSingleton(Substitute.For<IDataDictionary>());
        services.AddSingleton(Substitute.For<IDistributedLayout>());
        services.AddSingleton(Substitute.For<ISampleStudyWriter>());
        services.AddSingleton(Substitute.For<IStudyExporter>());
        services.AddSingleton(Substitute.For<IStudyTableExporter>());
        services.AddSingleton<IOutputFiles>(new MemoryOutputFiles());
        services.AddSingleton(Substitute.For<IStudyHistoryStore>());
        services.AddSingleton(Substitute.For<ISchemaMigrator>());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
    }

    public ISender Sender => _scope.ServiceProvider.GetRequiredService<ISender>();

    public RawStudyProcessor Processor => _scope.ServiceProvider.GetRequiredService<RawStudyProcessor>();

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }
}
