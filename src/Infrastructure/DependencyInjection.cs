using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.Infrastructure.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Clinical.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Clinical";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured: set ConnectionStrings:{ConnectionStringName}, or DBHOST/DBPORT/DBNAME/DBUSER/DBPASSWORD, or pass --connection.");
        }

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.TryAddSingleton(new ApiSourceOptions());
        services.TryAddSingleton<IStandardInput, ConsoleStandardInput>();
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

        services.AddSingleton<IStudyRecordParser, JsonStudyRecordParser>();
        services.AddSingleton<IStudyRepository, PostgresStudyRepository>();
        services.AddSingleton<IStudySchema, StudySchema>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
