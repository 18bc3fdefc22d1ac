using static Clinical.IntegrationTests.EndToEnd.Aact.StudyJson;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>The shapes of SQL real AACT clients send: unqualified names, NATURAL JOIN, mixed case, SELECT INTO, EXPLAIN, TABLESAMPLE, v1 literals.</summary>
[Collection(AactCollection.Name)]
public sealed class AactClientQueryTests(AactRealStudies aact)
{
    private readonly AactRealStudies _aact = aact;

    [Fact]
    public async Task NewConnection_SettingNothing_FindsTheUnqualifiedAactTables()
    {
        _aact.RequireAvailable();

        var path = await _aact.ScalarAsync<string>("SHOW search_path");
        var studies = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies");

        path.ShouldBe("\"$user\", ctgov, public");
        studies.ShouldBe(_aact.Studies.Count);
    }

    [Fact]
    public async Task NaturalJoin_StudiesWithAChild_JoinsOnNctIdOnly()
    {
        _aact.RequireAvailable();
        var locations = Count(_aact.Studies, "protocolSection.contactsLocationsModule.locations");

        var facilities = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies NATURAL JOIN facilities");
        var designs = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies NATURAL JOIN designs NATURAL JOIN calculated_values");
        var totals = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies NATURAL JOIN reported_event_totals");

        facilities.ShouldBe(locations);
        designs.ShouldBe(await _aact.ScalarAsync<long>("SELECT count(*) FROM designs"));
        totals.ShouldBe(3 * Count(_aact.Studies, "resultsSection.adverseEventsModule.eventGroups"));
    }

    [Fact]
    public async Task MixedCaseUnquotedNames_ResolveAsLowerCase()
    {
        _aact.RequireAvailable();
        var nct = Nct(_aact.Studies[0]);

        var title = await _aact.ScalarAsync<string>($"SELECT S.Brief_Title FROM CTGOV.Studies S WHERE S.NCT_ID = '{nct}'");

        title.ShouldBe(Text(_aact.Studies[0], "protocolSection.identificationModule.briefTitle"));
    }

    [Fact]
    public async Task SelectIntoTemp_CopiesTheRowsForTheSession()
    {
        _aact.RequireAvailable();

        var count = await _aact.ScalarAsync<long>(
            "SELECT nct_id, phase INTO TEMP my_studies FROM studies WHERE phase IS NOT NULL; SELECT count(*) FROM my_studies");

        count.ShouldBe(_aact.Studies.Count(s => Items(s, "protocolSection.designModule.phases").Any()));
    }

    [Fact]
    public async Task Explain_AJoinOnIds_ReturnsAPlan()
    {
        _aact.RequireAvailable();

        var plan = await _aact.ColumnAsync<string>(
            "EXPLAIN SELECT m.param_value FROM outcome_measurements m JOIN result_groups g ON g.id = m.result_group_id WHERE m.nct_id = 'NCT00000000'");

        plan.ShouldNotBeEmpty();
        plan[0].ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task TableSample_OnStudies_SamplesTheStudies()
    {
        _aact.RequireAvailable();

        var all = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies TABLESAMPLE SYSTEM (100)");
        var none = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies TABLESAMPLE BERNOULLI (0)");

        all.ShouldBe(_aact.Studies.Count);
        none.ShouldBe(0);
    }

    [Fact]
    public async Task V1Literal_Completed_RunsAndMatchesWhatItMatches()
    {
        _aact.RequireAvailable();

        var v1 = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies WHERE overall_status = 'Completed'");
        var v2 = await _aact.ScalarAsync<long>("SELECT count(*) FROM studies WHERE lower(overall_status) = 'completed'");

        v1.ShouldBe(0); // v2 spells it COMPLETED, as AACT stores it since 2024
        v2.ShouldBe(_aact.Studies.Count(s => Text(s, "protocolSection.statusModule.overallStatus") == "COMPLETED"));
    }
}
