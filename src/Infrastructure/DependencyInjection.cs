using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Schema;
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
        services.AddSingleton<StudyFileSource>();
        services.TryAddSingleton(new ApiSourceOptions());
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestHeaders = { { "User-Agent", "clinical/1.0 (ClinicalTrials.gov loader)" } },
        });
        services.AddSingleton<ClinicalTrialsApiSource>();
        services.AddSingleton<IStudySource, StudySourceRouter>();
        services.AddSingleton<IStudyRecordParser, JsonStudyRecordParser>();
        services.AddSingleton<TransientErrorRetry>();
        services.AddSingleton<RunLedger>();
        services.AddSingleton<StudyCopyWriter>();
        services.AddSingleton<FirstLoadKeyManager>();
        services.AddSingleton<IStudyRepository, PostgresStudyRepository>();
        services.AddSingleton<IStudySchema, StudySchema>();
        return services;
    }
}
