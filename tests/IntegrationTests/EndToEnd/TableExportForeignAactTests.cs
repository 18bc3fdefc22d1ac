using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// A table export from a database whose ctgov schema is not Clinical's layer (no layer stamp on it, e.g. an AACT dump
/// restored beside the native schema): the native tables are written, ctgov's tables are someone else's and are not.
/// </summary>
public sealed class TableExportForeignAactTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Csv_ACtgovSchemaWithoutTheLayersStamp_WritesTheNativeTablesOnly()
    {
        // Arrange: the 200 real studies, then the layer's stamp replaced, as a restored dump's schema would carry none
        _database.RequireAvailable();
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var comment = new NpgsqlCommand($"COMMENT ON SCHEMA {DatabaseSchema.AactSchemaName} IS 'AACT database, restored from a dump'", connection);
            await comment.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("clinical-foreign-aact-").FullName;
        try
        {
            // Act
            var (exitCode, _, error) = await CliRunner.RunAsync(
                ["export", "--format", "csv", "--nct", "NCT00000410", "-o", folder, "--quiet", "--connection", _database.ConnectionString]);

            // Assert
            exitCode.ShouldBe(ExitCodes.Success, error);
            Directory.GetDirectories(folder).Select(Path.GetFileName).ShouldBe([DatabaseSchema.Default.Name]);
            Directory.GetFiles(Path.Combine(folder, DatabaseSchema.Default.Name), "*.csv").Length.ShouldBe(StudyTables.All.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
