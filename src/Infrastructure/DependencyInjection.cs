using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddSingleton<IStudySource, StudyFileSource>();
        services.AddSingleton<IStudyRecordParser, JsonStudyRecordParser>();
        services.AddSingleton<IStudyRepository, PostgresStudyRepository>();
        services.AddSingleton<IStudySchema, StudySchema>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
