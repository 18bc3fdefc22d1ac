using System.Diagnostics;
using Clinical.Application;
using Clinical.Application.Common.Exceptions;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>
/// Through the real composition (Application + Infrastructure), a request whose port runs SQL against the configured data
/// source: the driver's exceptions leave as the Application's, naming the database and never the password.
/// </summary>
public sealed class DatabaseErrorTranslationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Secret = "s3cr3t-Pa55word";
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Send_StatementLongerThanTheStatementTimeout_FailsAfterTheTimeoutWithAClearError()
    {
        _database.RequireAvailable();
        await using var services = Compose(_database.ConnectionString, "1s", "SELECT pg_sleep(3)");
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();

        var act = () => scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetStatisticsQuery(), TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<DatabaseException>();
        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(2.5));
        ex.ShouldNotBeOfType<DatabaseUnavailableException>();
        ex.Message.ShouldContain("statement timeout");
        ex.Message.ShouldContain("the statement timeout is 1 s");
        ex.Message.ShouldContain("--statement-timeout");
        ex.Message.ShouldContain(new NpgsqlConnectionStringBuilder(_database.ConnectionString).Database!);
        ex.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.QueryCanceled);
    }

    [Fact]
    public async Task Send_StatementWithinTheStatementTimeout_Succeeds()
    {
        _database.RequireAvailable();
        await using var services = Compose(_database.ConnectionString, "5s", "SELECT pg_sleep(0.1)");
        await using var scope = services.CreateAsyncScope();

        var statistics = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetStatisticsQuery(), TestContext.Current.CancellationToken);

        statistics.ShouldBeSameAs(DatabaseStatistics.Empty);
    }

    [Fact]
    public async Task Send_ServerError_IsADatabaseExceptionWithTheServersMessage()
    {
        _database.RequireAvailable();
        var connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Password = Secret }.ConnectionString;
        await using var services = Compose(connection, null, "SELECT * FROM no_such_table");
        await using var scope = services.CreateAsyncScope();

        var act = () => scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetStatisticsQuery(), TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<DatabaseException>();
        ex.ShouldNotBeOfType<DatabaseUnavailableException>();
        ex.Message.ShouldStartWith("PostgreSQL at 127.0.0.1:");
        ex.Message.ShouldContain("42P01");
        ex.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Send_UnreachableDatabase_IsADatabaseUnavailableExceptionNamingItWithoutThePassword()
    {
        await using var services = Compose($"Host=127.0.0.1;Port=1;Database=nowhere;Username=someone;Password={Secret};Timeout=3", null, "SELECT 1");
        await using var scope = services.CreateAsyncScope();

        var act = () => scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetStatisticsQuery(), TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<DatabaseUnavailableException>();
        ex.Database.ShouldBe("127.0.0.1:1/nowhere as someone");
        ex.Message.ShouldStartWith("cannot use PostgreSQL at 127.0.0.1:1/nowhere as someone: ");
        ex.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Send_NoSuchDatabase_IsADatabaseUnavailableException()
    {
        _database.RequireAvailable();
        var missing = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "no_such_database" }.ConnectionString;
        await using var services = Compose(missing, null, "SELECT 1");
        await using var scope = services.CreateAsyncScope();

        var act = () => scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetStatisticsQuery(), TestContext.Current.CancellationToken).AsTask();

        (await act.ShouldThrowAsync<DatabaseUnavailableException>()).Message.ShouldContain("3D000");
    }

    private static ServiceProvider Compose(string connectionString, string? statementTimeout, string sql)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddApplication().AddInfrastructure(DatabaseSettings.Resolve(connectionString, statementTimeout, _ => null)).AddSampleGenerator();
        services.AddSingleton<IStatisticsReport>(provider => new StatementReport(provider.GetRequiredService<NpgsqlDataSource>(), sql));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>A statistics port that runs one statement on the configured data source.</summary>
    private sealed class StatementReport(NpgsqlDataSource dataSource, string sql) : IStatisticsReport
    {
        public async Task<DatabaseStatistics> StatisticsAsync(CancellationToken cancellationToken)
        {
            await using var command = dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return DatabaseStatistics.Empty;
        }
    }
}
