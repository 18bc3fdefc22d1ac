using System.Text.Json.Nodes;
using Clinical.Infrastructure.Persistence.Aact;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using static Clinical.IntegrationTests.EndToEnd.Aact.StudyJson;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>AACT ids are derived from the NCT number and the element's ordinal path: the same after any re-import.</summary>
public sealed class AactIdStabilityTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] LocationTables = ["facilities", "facility_contacts", "facility_investigators", "countries"];
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task ReimportOfAChangedFile_EveryUnchangedElement_KeepsItsIds()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(Path.GetTempPath(), $"aact-ids-{Guid.NewGuid():N}.json");
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
        await File.WriteAllTextAsync(path, studies.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            await TestImporter.ImportAsync(_database.ConnectionString, path);
            var before = await IdsAsync(_database.ConnectionString);
            var target = studies.First(s => Items(s, "protocolSection.contactsLocationsModule.locations").Count() > 3)!;
            var locations = target["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray();
            locations.RemoveAt(locations.Count - 1);
            target["protocolSection"]!["identificationModule"]!["briefTitle"] = "A changed title";
            await File.WriteAllTextAsync(path, studies.ToJsonString(), TestContext.Current.CancellationToken);

            var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

            var after = await IdsAsync(_database.ConnectionString);
            result.Written.ShouldBe(1);
            var changed = Nct(target);
            foreach (var (key, ids) in before)
            {
                if (key.NctId != changed || !LocationTables.Contains(key.Table))
                {
                    after.GetValueOrDefault(key).ShouldBe(ids, $"{key.Table} {key.NctId}");
                }
                else
                {
                    after[key].ShouldBeSubsetOf(ids, $"{key.Table} {key.NctId}: the remaining locations keep their ids");
                }
            }

            after.Keys.Except(before.Keys).ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task FreshImportIntoAnotherDatabase_GivesEveryElementTheSameIds()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var other = await _database.CreateSiblingAsync();

        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath, batchSize: 16, writers: 3);
        await TestImporter.ImportAsync(other, TestFixtures.RealStudiesPath, batchSize: 200, writers: 1);

        var first = await IdsAsync(_database.ConnectionString);
        var second = await IdsAsync(other);
        first.Count.ShouldBeGreaterThan(1000);
        second.Keys.Order().ShouldBe(first.Keys.Order());
        foreach (var (key, ids) in first)
        {
            second[key].ShouldBe(ids, $"{key.Table} {key.NctId}");
        }
    }

    /// <summary>Every id and id reference of every AACT table, by table and study.</summary>
    private static async Task<Dictionary<(string Table, string NctId), string[]>> IdsAsync(string connectionString)
    {
        var ids = new Dictionary<(string, string), string[]>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in AactTables.All.Where(t => t.Columns.Any(c => c.Name == "id")))
        {
            var columns = string.Join(" || ',' || ", table.Columns.Where(c => c.Type == "bigint").Select(c => $"coalesce({c.Name}::text, '-')"));
            await using var command = new NpgsqlCommand($"SELECT nct_id, array_agg({columns} ORDER BY id) FROM {AactLayerSql.Qualified(table.Name)} GROUP BY nct_id", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                ids[(table.Name, reader.GetString(0))] = reader.GetFieldValue<string[]>(1);
            }
        }

        return ids;
    }
}
