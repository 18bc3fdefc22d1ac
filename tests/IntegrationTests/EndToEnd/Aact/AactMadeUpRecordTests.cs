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
    public async Task Designs_DesignInfoWithOnlyAMaskingDescription_IsARowAsInAact()
    {
        await ImportAsync(Study(""" "designModule": {"designInfo": {"maskingInfo": {"maskingDescription": "Sealed envelopes"}}} """));

        var row = await RowAsync($"SELECT masking, masking_description, subject_masked FROM ctgov.designs WHERE nct_id = '{NctId}'");

        row.ShouldBe([null, "Sealed envelopes", null]);
    }

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

    [Fact]
    public async Task Countries_LocationWithoutACountry_IsARowWithANullNameAsInAact()
    {
        await ImportAsync(Study(""" "contactsLocationsModule": {"locations": [{"facility": "Nowhere Clinic", "city": "Springfield"}, {"facility": "A", "country": "France"}, {"facility": "B"}]} """));

        var names = await ColumnAsync($"SELECT name FROM ctgov.countries WHERE nct_id = '{NctId}' AND NOT removed ORDER BY name NULLS FIRST");

        names.ShouldBe([null, "France"]);
        (await ColumnAsync($"SELECT names FROM ctgov.all_countries WHERE nct_id = '{NctId}'")).ShouldBe(["France"]);
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

    [Fact]
    public async Task StoredTables_AStudyRewrittenWithoutLocationsOrOutcomes_AreRefreshedByAactsRules()
    {
        // Arrange: first loaded with a location, outcomes, a design and a whole-number age
        await ImportAsync(Study("""
            "designModule": {"designInfo": {"allocation": "RANDOMIZED"}},
            "descriptionModule": {"briefSummary": "Short", "detailedDescription": "Long"},
            "outcomesModule": {"primaryOutcomes": [{"measure": "A"}], "secondaryOutcomes": [{"measure": "B"}], "otherOutcomes": [{"measure": "C"}]},
            "eligibilityModule": {"minimumAge": "18 Years"},
            "contactsLocationsModule": {"locations": [{"facility": "A", "country": "United States"}]}
            """));
        (await RowAsync($"SELECT has_us_facility::text, has_single_facility::text, number_of_primary_outcomes_to_measure::text, minimum_age_num::text FROM ctgov.calculated_values WHERE nct_id = '{NctId}'"))
            .ShouldBe(["true", "true", "1", "18"]);

        // Act: the registry's next version has none of them, and only a masking description in its design information
        await ImportAsync(
            Study("""
                "designModule": {"designInfo": {"maskingInfo": {"maskingDescription": "Sealed envelopes"}}},
                "descriptionModule": {"briefSummary": "Short"},
                "eligibilityModule": {"minimumAge": "6.5 Years"}
                """),
            reset: false);

        // Assert: the refresh of the stored tables gives what a first load gives
        (await RowAsync($"""
            SELECT number_of_facilities::text, has_us_facility::text, has_single_facility::text, number_of_primary_outcomes_to_measure::text,
                   number_of_secondary_outcomes_to_measure::text, number_of_other_outcomes_to_measure::text, minimum_age_num::text
              FROM ctgov.calculated_values WHERE nct_id = '{NctId}'
            """)).ShouldBe(["0", null, null, null, null, null, "6"]);
        (await RowAsync($"SELECT allocation, masking_description FROM ctgov.designs WHERE nct_id = '{NctId}'")).ShouldBe([null, "Sealed envelopes"]);
        (await RowAsync($"SELECT description FROM ctgov.detailed_descriptions WHERE nct_id = '{NctId}'")).ShouldBe([null]);
        (await ColumnAsync($"SELECT name FROM ctgov.countries WHERE nct_id = '{NctId}'")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ViewsOverStoredAggregates_AStudyRewritten_ShowItsNewTextsWithItsNewAggregatesAndRows()
    {
        // Arrange: first loaded with criteria and ages, a masked participant and a participant flow with one group
        await ImportAsync(Study(
            """
            "designModule": {"designInfo": {"maskingInfo": {"masking": "SINGLE", "whoMasked": ["PARTICIPANT"]}}},
            "eligibilityModule": {"eligibilityCriteria": "Old criteria", "stdAges": ["CHILD"]}
            """,
            """ "participantFlowModule": {"groups": [{"id": "FG000", "title": "Arm A"}]} """));
        (await RowAsync($"SELECT criteria, adult::text, child::text FROM ctgov.eligibilities WHERE nct_id = '{NctId}'")).ShouldBe(["Old criteria", "false", "true"]);
        (await ColumnAsync($"SELECT nct_id FROM ctgov.participant_flows WHERE nct_id = '{NctId}'")).ShouldBe([NctId]);

        // Act: the next version changes the criteria and the ages, masks the investigator instead, and has no results
        await ImportAsync(
            Study("""
                "designModule": {"designInfo": {"maskingInfo": {"masking": "SINGLE", "whoMasked": ["INVESTIGATOR"]}}},
                "eligibilityModule": {"eligibilityCriteria": "New criteria", "stdAges": ["ADULT", "OLDER_ADULT"]}
                """),
            reset: false);

        // Assert: the columns the views compute and the ones the import stored are both the new version's
        (await RowAsync($"SELECT criteria, adult::text, child::text, older_adult::text FROM ctgov.eligibilities WHERE nct_id = '{NctId}'"))
            .ShouldBe(["New criteria", "true", "false", "true"]);
        (await RowAsync($"SELECT masking, subject_masked::text, investigator_masked::text FROM ctgov.designs WHERE nct_id = '{NctId}'"))
            .ShouldBe(["SINGLE", "false", "true"]);
        (await ColumnAsync($"SELECT nct_id FROM ctgov.participant_flows WHERE nct_id = '{NctId}'")).ShouldBeEmpty();
    }

    /// <summary>
    /// A made-up study <see cref="NctId"/>: an identification module, the protocol modules given as JSON members, and the
    /// results modules if any.
    /// </summary>
    private static string Study(string modules, string? results = null) =>
        $$"""{"protocolSection": {"identificationModule": {"nctId": "{{NctId}}", "briefTitle": "A made-up study"}, {{modules.Trim()}}""" + "}" +
        (results is null ? string.Empty : $", \"resultsSection\": {{{results.Trim()}}}") + "}";

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
