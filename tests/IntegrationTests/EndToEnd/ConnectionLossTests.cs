using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>The server drops every connection of the import mid-run: batches are retried and the run completes.</summary>
public sealed class ConnectionLossTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Studies = 3_000;
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-loss-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_ConnectionsTerminatedMidRun_RetriesTheBatchesAndLoadsEveryStudy()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(_directory, "synthetic.json");
        await using (var file = File.Create(path))
        {
            new SampleStudyGenerator().WriteArray(file, Studies, seed: 11, TestContext.Current.CancellationToken);
        }

        var import = TestImporter.ImportAsync(_database.ConnectionString, path, batchSize: 50);
        var terminated = 0;
        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            while (terminated < 2 && !import.IsCompleted)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
                await using var exists = new NpgsqlCommand($"SELECT to_regclass('{SchemaSql.DefaultSchemaName}.studies') IS NOT NULL", admin);
                if (!(bool)(await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)
                {
                    continue;
                }

                await using var written = new NpgsqlCommand($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies", admin);
                if ((long)(await written.ExecuteScalarAsync(TestContext.Current.CancellationToken))! < (terminated + 1) * 500)
                {
                    continue;
                }

                await using var terminate = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                    admin);
                if ((long)(await terminate.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0)
                {
                    terminated++;
                }
            }
        }

        var result = await import;

        terminated.ShouldBeGreaterThan(0, "the import finished before a connection could be terminated");
        result.Status.ShouldBe(ImportStatus.Succeeded);
        result.Written.ShouldBe(Studies);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies", connection);
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(Studies);
    }
}
