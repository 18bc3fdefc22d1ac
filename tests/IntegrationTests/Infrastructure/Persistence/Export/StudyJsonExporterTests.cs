using System.Text.Json.Nodes;
using Clinical.Application.Studies.Export;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Export;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence.Export;

/// <summary>The exporter's entry points for code that holds a connection (history), and the salvage hook.</summary>
public sealed class StudyJsonExporterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-exporter-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ReadOneAsync_InsideATransactionThatChangedTheStudy_SeesTheChange()
    {
        // Arrange
        var (nctId, original) = await ImportOneAsync();
        await using var dataSource = _database.CreateDataSource();
        var exporter = new StudyJsonExporter(dataSource, DatabaseSchema.Default);
        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(connection, transaction, $"UPDATE {DatabaseSchema.Default.Qualified("studies")} SET brief_title = 'Changed inside' WHERE nct_id = '{nctId}'");

        // Act
        var inside = await exporter.ReadOneAsync(connection, transaction, nctId, TestContext.Current.CancellationToken);
        await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        var after = await exporter.ReadOneAsync(connection, null, nctId, TestContext.Current.CancellationToken);

        // Assert
        inside!["protocolSection"]!["identificationModule"]!["briefTitle"]!.GetValue<string>().ShouldBe("Changed inside");
        JsonNode.DeepEquals(after, original).ShouldBeTrue();
    }

    [Fact]
    public async Task ReadAsync_StoredAndUnknownNctNumbers_GivesTheStoredOnesInTheOrderAsked()
    {
        // Arrange
        var (nctId, _) = await ImportOneAsync();
        await using var dataSource = _database.CreateDataSource();
        var exporter = new StudyJsonExporter(dataSource, DatabaseSchema.Default);
        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);

        // Act
        var studies = await exporter.ReadAsync(connection, null, ["NCT99999999", nctId], TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var missing = await exporter.ReadOneAsync(connection, null, "NCT99999999", TestContext.Current.CancellationToken);

        // Assert
        studies.Select(s => s.NctId).ShouldBe([nctId]);
        missing.ShouldBeNull();
    }

    [Fact]
    public async Task ExportAsync_SalvagedFieldStoredAsNullWithItsRawJsonInAFinding_PutsTheRawJsonBack()
    {
        // Arrange: what a study with enrollmentInfo.count "about 40" (a string where a number belongs) loads as
        var (nctId, _) = await ImportOneAsync();
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await ExecuteAsync(connection, null, $"""
                UPDATE {DatabaseSchema.Default.Qualified("studies")} SET enrollment = NULL WHERE nct_id = '{nctId}';
                INSERT INTO {DatabaseSchema.Default.Qualified("findings")} (nct_id, ord, rule, json_path, value, message, run_id)
                VALUES ('{nctId}', 99, 'wrong-type', 'protocolSection.designModule.enrollmentInfo.count', '"about 40"', 'Expected a number, found a string.', 1);
                """);
        }

        await using var dataSource = _database.CreateDataSource();

        // Act
        var exported = await new StudyJsonExporter(dataSource, DatabaseSchema.Default).ExportAsync(new ExportSelection([nctId], null, false), TestContext.Current.CancellationToken).SingleAsync(TestContext.Current.CancellationToken);

        // Assert
        var study = JsonNode.Parse(exported.Utf8Json.Span)!;
        study["protocolSection"]!["designModule"]!["enrollmentInfo"]!["count"]!.GetValue<string>().ShouldBe("about 40");
    }

    /// <summary>Imports one real study with results; returns its NCT number and its JSON as sent.</summary>
    private async Task<(string NctId, JsonNode Study)> ImportOneAsync()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var study = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray()
            .First(s => s!["resultsSection"] is not null && s["protocolSection"]!["designModule"]?["enrollmentInfo"]?["count"] is not null)!;
        var path = Path.Combine(_directory, "one.json");
        await File.WriteAllTextAsync(path, $"[\n{study.ToJsonString()}\n]\n", TestContext.Current.CancellationToken);
        (await TestImporter.ImportAsync(_database.ConnectionString, path)).Written.ShouldBe(1);
        return (study["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>(), study);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
