using Clinical.Application.Common.Output;
using Clinical.Application.Database.CheckDatabase;
using Clinical.Application.Runs.GetRecentRuns;
using Clinical.Application.Schema;
using Clinical.Application.Schema.GetCitusLayout;
using Clinical.Application.Schema.GetDataDictionary;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Application.Studies.Export;
using Clinical.Application.Studies.History;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Files;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Output;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Aact;
using Clinical.Infrastructure.Persistence.Export;
using Clinical.Infrastructure.Persistence.History;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.Infrastructure.Sources;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Clinical.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Clinical";

    /// <summary>The database from <c>ConnectionStrings:Clinical</c>, with the default statement timeout.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName}, or DBHOST/DBPORT/DBNAME/DBUSER/DBPASSWORD, or pass --connection.");
        }

        return services.AddInfrastructure(DatabaseSettings.Resolve(connectionString, statementTimeout: null, environment: _ => null));
    }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Schema);
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
        services.AddSingleton<DatabaseErrorTranslator>();
        // Innermost behaviour of every request (registered after Application's): Npgsql exceptions leave as DatabaseException.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(DatabaseErrorBehavior<,>));
        services.AddSingleton<IDatabaseProbe, PostgresDatabaseProbe>();
        services.AddSingleton<DatabaseReport>();
        services.AddSingleton<IRunHistory>(sp => sp.GetRequiredService<DatabaseReport>());
        services.AddSingleton<IStatisticsReport>(sp => sp.GetRequiredService<DatabaseReport>());
        services.AddSingleton<IDataDictionary, StudyDataDictionary>();
        services.AddSingleton<IDistributedLayout, StudyCitusLayout>();
        services.TryAddSingleton(TimeProvider.System); // the composition root may give another clock first (tests: a fake one)
        services.TryAddSingleton(new ApiSourceOptions());
        services.TryAddSingleton(new StudyReaderOptions());
        services.TryAddSingleton<IStandardInput, ConsoleStandardInput>();
        services.TryAddSingleton<IOutputFiles>(new LocalOutputFiles());
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestHeaders = { { "User-Agent", "clinical/1.0 (ClinicalTrials.gov loader)" } },
        });

        // The study sources: one line per adapter; the registry hands a location to the first that can read it.
        services.AddSingleton<IStudySourceAdapter, ClinicalTrialsApiSource>();
        services.AddSingleton<IStudySourceAdapter, StandardInputSource>();
        services.AddSingleton<IStudySourceAdapter, StudyFileSource>();
        services.AddSingleton<IStudySource, StudySourceRegistry>();

        services.AddSingleton<IStudyDecoder, StudyDecoder>();
        services.AddSingleton(sp => new TransientErrorRetry(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>(), settings.Retry));
        services.AddSingleton<StudyVersionArchive>();
        services.AddSingleton<IStudyHistoryStore, PostgresStudyHistory>();
        services.AddSingleton<RunLedger>();
        services.AddSingleton<StudyCopyWriter>();
        services.AddSingleton<FirstLoadKeyManager>();
        services.TryAddSingleton(new AactLayerOptions());
        services.AddSingleton<AactLayer>();
        services.AddSingleton<PostgresStudyRepository>();
        services.AddSingleton<IRunLedger>(sp => sp.GetRequiredService<PostgresStudyRepository>());
        services.AddSingleton<IStudyStore>(sp => sp.GetRequiredService<PostgresStudyRepository>());
        services.AddSingleton<IStudyRowEncoder>(sp => sp.GetRequiredService<PostgresStudyRepository>());
        services.AddSingleton<ISchemaMigrator>(sp => sp.GetRequiredService<PostgresStudyRepository>());
        services.AddSingleton<IStudySchema, StudySchema>();
        services.AddSingleton<StudyJsonExporter>();
        services.AddSingleton<IStudyExporter>(sp => sp.GetRequiredService<StudyJsonExporter>());
        services.AddSingleton<IStudyTableExporter, TableFileExporter>();
        return services;
    }
}
