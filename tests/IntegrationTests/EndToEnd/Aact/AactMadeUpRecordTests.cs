using System.Text.Json.Nodes;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>
/// AACT's rules for record shapes none of the 200 real studies has, on made-up records: each test imports its own into an
/// empty database and reads the AACT layer as a client would.
/// </summary>
public sealed class AactMadeUpRecordTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string NctId = "NCT09000001";
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task CalculatedValues_AgeWithAFraction_IsItsIntegerPartAsAactsToI()
    {
        await ImportAsync(Study(""" "eligibilityModule": {"minimumAge": "6.5 Years", "maximumAge": "17.9 Years"} """));

        var row = await RowAsync($"""
            SELECT e.minimum_age, cv.minimum_age_num::text, cv.minimum_age_unit, e.maximum_age, cv.maximum_age_num::text, cv.maximum_age_unit
              FROM ctgov.eligibilities e JOIN ctgov.calculated_values cv ON cv.nct_id = e.nct_id WHERE e.nct_id = '{NctId}'
            """);

        row.ShouldBe(["6.5 Years", "6", "year", "17.9 Years", "17", "year"]);
    }

    [Theory]
    [InlineData("Midway Atoll", true)]
    [InlineData("Virgin Islands (U.S.)", true)]
    [InlineData("Guam", true)]
    [InlineData("Midway Islands", false)]
    [InlineData("United States Minor Outlying Islands", false)]
    [InlineData("Canada", false)]
    public async Task CalculatedValues_HasUsFacility_IsAactsListOfTheUsAndItsTerritories(string country, bool us)
    {
        await ImportAsync(Study($$""" "contactsLocationsModule": {"locations": [{"facility": "A", "country": "{{country}}"}]} """));

        var row = await RowAsync($"SELECT has_us_facility::text, has_single_facility::text FROM ctgov.calculated_values WHERE nct_id = '{NctId}'");

        row.ShouldBe([us ? "true" : "false", "true"]);
    }

    /// <summary>A made-up study <see cref="NctId"/>: an identification module, and the protocol modules given as JSON members.</summary>
    private static string Study(string modules) =>
        $$"""{"protocolSection": {"identificationModule": {"nctId": "{{NctId}}", "briefTitle": "A made-up study"}, {{modules.Trim()}}""" + "}}";

    private async Task ImportAsync(string study, bool reset = true)
    {
        _database.RequireAvailable();
        if (reset)
        {
            await _database.ResetAsync();
        }

        JsonNode.Parse(study).ShouldNotBeNull();
        var path = Path.Combine(Path.GetTempPath(), $"aact-made-up-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, $"[{study}]", TestContext.Current.CancellationToken);
        try
        {
            var result = await TestImporter.ImportAsync(_database.ConnectionString, path);
            result.Written.ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The single row of <paramref name="sql"/>, each column as text (NULL as null).</summary>
    private async Task<string?[]> RowAsync(string sql)
    {
        var rows = await RowsAsync(sql);
        rows.Count.ShouldBe(1, sql);
        return rows[0];
    }

    private async Task<List<string?>> ColumnAsync(string sql) => [.. (await RowsAsync(sql)).Select(r => r[0])];

    private async Task<List<string?[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string?[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))]);
        }

        return rows;
    }
}
