using Clinical.Application;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.SampleGenerator;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>Runs imports through the real composition (Application + Infrastructure), as the CLI does.</summary>
internal static class TestImporter
{
    public static ServiceProvider BuildServices(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{Clinical.Infrastructure.DependencyInjection.ConnectionStringName}"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        Clinical.Infrastructure.DependencyInjection.AddInfrastructure(services.AddApplication(), configuration).AddSampleGenerator();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static async Task<ImportStudiesResult> ImportAsync(string connectionString, string path, int batchSize = ImportStudiesCommand.DefaultBatchSize, bool full = false, int writers = 2, Action<IServiceCollection>? configure = null)
    {
        await using var services = BuildServices(connectionString, configure);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportStudiesCommand(path, batchSize, writers, full), TestContext.Current.CancellationToken);
    }

    public static async Task<Dictionary<string, string>> TableChecksumsAsync(string connectionString, IEnumerable<string> tables)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {SchemaSql.DefaultSchemaName}.{table} t", connection);
            checksums[table] = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        return checksums;
    }
}
