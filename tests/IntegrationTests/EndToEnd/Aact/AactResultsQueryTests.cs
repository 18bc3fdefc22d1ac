using System.Globalization;
using System.Text.Json.Nodes;
using static Clinical.IntegrationTests.EndToEnd.Aact.StudyJson;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>AACT-style queries over the results tables, each checked against values computed from the real studies' JSON.</summary>
[Collection(AactCollection.Name)]
public sealed class AactResultsQueryTests(AactRealStudies aact)
{
    private const string Results = "resultsSection";
    private readonly AactRealStudies _aact = aact;

    private IReadOnlyList<JsonNode> Studies => _aact.Studies;

    private IEnumerable<JsonNode> Measures => Studies.SelectMany(s => Items(s, $"{Results}.outcomeMeasuresModule.outcomeMeasures"));

    [Fact]
    public async Task OneRowPerStudyResultsTables_Counts_EqualTheStudiesWithTheModule()
    {
        _aact.RequireAvailable();

        var counts = await _aact.ColumnAsync<long>(
            "SELECT count(*) FROM participant_flows UNION ALL SELECT count(*) FROM result_agreements UNION ALL SELECT count(*) FROM result_contacts");

        counts.ShouldBe([
            CountWith(Studies, $"{Results}.participantFlowModule"),
            CountWith(Studies, $"{Results}.moreInfoModule.certainAgreement"),
            CountWith(Studies, $"{Results}.moreInfoModule.pointOfContact"),
        ]);
    }

    [Fact]
    public async Task ResultGroups_ByResultType_OneRowPerGroupAndOutcomeGroupsPerOutcome()
    {
        _aact.RequireAvailable();

        var counts = await _aact.ColumnAsync<long>("""
            SELECT count(*) FILTER (WHERE result_type = 'Baseline') FROM result_groups
            UNION ALL SELECT count(*) FILTER (WHERE result_type = 'Participant Flow') FROM result_groups
            UNION ALL SELECT count(*) FILTER (WHERE result_type = 'Outcome') FROM result_groups
            UNION ALL SELECT count(*) FILTER (WHERE result_type = 'Reported Event') FROM result_groups
            UNION ALL SELECT count(DISTINCT id) FROM result_groups
            """);

        var outcome = Measures.Sum(m => Items(m, "groups").Count());
        var all = Count(Studies, $"{Results}.baselineCharacteristicsModule.groups") + Count(Studies, $"{Results}.participantFlowModule.groups")
            + outcome + Count(Studies, $"{Results}.adverseEventsModule.eventGroups");
        counts.ShouldBe([
            Count(Studies, $"{Results}.baselineCharacteristicsModule.groups"),
            Count(Studies, $"{Results}.participantFlowModule.groups"),
            outcome,
            Count(Studies, $"{Results}.adverseEventsModule.eventGroups"),
            all,
        ]);
    }

    [Fact]
    public async Task OutcomeMeasurements_ResultGroupId_JoinsTheGroupOfTheSameCodeAndOutcome()
    {
        _aact.RequireAvailable();
        var expected = Measures.Sum(m => Items(m, "classes").SelectMany(c => Items(c, "categories")).Sum(c => Items(c, "measurements").Count()));

        var joined = await _aact.ScalarAsync<long>("""
            SELECT count(*) FROM outcome_measurements m
              JOIN result_groups g ON g.id = m.result_group_id
              JOIN outcomes o ON o.id = m.outcome_id
             WHERE g.ctgov_group_code = m.ctgov_group_code AND g.result_type = 'Outcome' AND g.nct_id = m.nct_id AND o.title = m.title
            """);

        joined.ShouldBe(expected);
    }

    [Fact]
    public async Task OutcomeMeasurements_GroupTitle_IsTheJsonGroupsTitle()
    {
        _aact.RequireAvailable();
        var (study, measure) = Studies.SelectMany(s => Items(s, $"{Results}.outcomeMeasuresModule.outcomeMeasures").Select(m => (s, m)))
            .First(p => Items(p.m, "classes").Any());
        var measurement = Items(measure, "classes").SelectMany(c => Items(c, "categories")).SelectMany(c => Items(c, "measurements")).First();
        var groupTitle = Items(measure, "groups").First(g => Text(g, "id") == Text(measurement, "groupId")).AsObject()["title"]!.GetValue<string>();

        var titles = await _aact.ColumnAsync<string>($"""
            SELECT DISTINCT g.title FROM outcome_measurements m JOIN result_groups g ON g.id = m.result_group_id
             WHERE m.nct_id = '{Nct(study)}' AND m.title = '{Text(measure, "title")!.Replace("'", "''", StringComparison.Ordinal)}' AND m.ctgov_group_code = '{Text(measurement, "groupId")}'
            """);

        titles.ShouldBe([groupTitle]);
    }

    [Fact]
    public async Task OutcomesAndCounts_Counts_EqualTheJson()
    {
        _aact.RequireAvailable();

        var counts = await _aact.ColumnAsync<long>(
            "SELECT count(*) FROM outcomes UNION ALL SELECT count(*) FROM outcome_counts c JOIN outcomes o ON o.id = c.outcome_id JOIN result_groups g ON g.id = c.result_group_id");

        counts.ShouldBe([Measures.Count(), Measures.Sum(m => Items(m, "denoms").Sum(d => Items(d, "counts").Count()))]);
    }

    [Fact]
    public async Task OutcomeMeasurements_NumberWithThousandsSeparators_IsReadDeliberatelyWhereAactGivesNull()
    {
        // docs/aact.md, "Every known difference": AACT's Float("26,300") raises, and its column is NULL
        _aact.RequireAvailable();
        var measurement = Items(Studies.Single(s => Nct(s) == "NCT00712335"), $"{Results}.outcomeMeasuresModule.outcomeMeasures")
            .SelectMany(m => Items(m, "classes")).SelectMany(c => Items(c, "categories")).SelectMany(c => Items(c, "measurements"))
            .Single(x => Text(x, "value") == "26,300");
        Text(measurement, "spread").ShouldBe("74,106");

        var row = await _aact.ScalarAsync<string>("""
            SELECT param_value || '|' || param_value_num || '|' || dispersion_value || '|' || dispersion_value_num
              FROM outcome_measurements WHERE nct_id = 'NCT00712335' AND param_value = '26,300'
            """);

        row.ShouldBe("26,300|26300|74,106|74106");
    }

    [Fact]
    public async Task OutcomeAnalyses_PValue_IsTheModifierAndTheNumber()
    {
        _aact.RequireAvailable();
        var analysis = Measures.SelectMany(m => Items(m, "analyses")).First(a => Text(a, "pValue")?.StartsWith('<') == true);
        var raw = Text(analysis, "pValue")!;

        var row = await _aact.ScalarAsync<string>(
            $"SELECT p_value_modifier || '|' || p_value || '|' || p_value_raw FROM outcome_analyses WHERE p_value_raw = '{raw}' LIMIT 1");

        row.ShouldBe($"<|{double.Parse(raw.TrimStart('<', '=', ' '), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}|{raw}");
    }

    [Fact]
    public async Task OutcomeAnalysisGroups_JoinTheirAnalysisAndGroup()
    {
        _aact.RequireAvailable();
        var expected = Measures.SelectMany(m => Items(m, "analyses")).Sum(a => Items(a, "groupIds").Count());

        var count = await _aact.ScalarAsync<long>("""
            SELECT count(*) FROM outcome_analysis_groups x
              JOIN outcome_analyses a ON a.id = x.outcome_analysis_id
              JOIN result_groups g ON g.id = x.result_group_id AND g.ctgov_group_code = x.ctgov_group_code
            """);

        count.ShouldBe(expected);
    }

    [Fact]
    public async Task BaselineTables_JoinTheirBaselineGroups()
    {
        _aact.RequireAvailable();
        var module = $"{Results}.baselineCharacteristicsModule";
        var measurements = Studies.SelectMany(s => Items(s, $"{module}.measures")).SelectMany(m => Items(m, "classes"))
            .SelectMany(c => Items(c, "categories")).Sum(c => Items(c, "measurements").Count());

        var counts = await _aact.ColumnAsync<long>("""
            SELECT count(*) FROM baseline_counts b JOIN result_groups g ON g.id = b.result_group_id AND g.result_type = 'Baseline'
            UNION ALL SELECT count(*) FROM baseline_measurements b JOIN result_groups g ON g.id = b.result_group_id AND g.result_type = 'Baseline'
            """);

        counts.ShouldBe([Studies.SelectMany(s => Items(s, $"{module}.denoms")).Sum(d => Items(d, "counts").Count()), measurements]);
    }

    [Fact]
    public async Task MilestonesAndDropWithdrawals_JoinTheirFlowGroups()
    {
        _aact.RequireAvailable();
        var periods = Studies.SelectMany(s => Items(s, $"{Results}.participantFlowModule.periods")).ToArray();

        var counts = await _aact.ColumnAsync<long>("""
            SELECT count(*) FROM milestones m JOIN result_groups g ON g.id = m.result_group_id AND g.result_type = 'Participant Flow'
            UNION ALL SELECT count(*) FROM drop_withdrawals d JOIN result_groups g ON g.id = d.result_group_id AND g.result_type = 'Participant Flow'
            """);

        counts.ShouldBe([
            periods.SelectMany(p => Items(p, "milestones")).Sum(m => Items(m, "achievements").Count()),
            periods.SelectMany(p => Items(p, "dropWithdraws")).Sum(d => Items(d, "reasons").Count()),
        ]);
    }

    [Fact]
    public async Task ReportedEvents_SubjectsAffected_SumTheStatsByType()
    {
        _aact.RequireAvailable();
        long Affected(string kind) => Studies.SelectMany(s => Items(s, $"{Results}.adverseEventsModule.{kind}Events"))
            .SelectMany(e => Items(e, "stats")).Sum(x => (long?)x["numAffected"]?.GetValue<int>() ?? 0);

        var serious = await _aact.ScalarAsync<long>("SELECT sum(e.subjects_affected) FROM reported_events e JOIN result_groups g ON g.id = e.result_group_id WHERE e.event_type = 'serious'");
        var other = await _aact.ScalarAsync<long>("SELECT sum(subjects_affected) FROM reported_events WHERE event_type = 'other'");

        serious.ShouldBe(Affected("serious"));
        other.ShouldBe(Affected("other"));
    }

    [Fact]
    public async Task ReportedEventTotals_ThreeRowsPerEventGroup()
    {
        _aact.RequireAvailable();
        var groups = Studies.SelectMany(s => Items(s, $"{Results}.adverseEventsModule.eventGroups")).ToArray();

        var deaths = await _aact.ScalarAsync<long>("SELECT coalesce(sum(subjects_affected), 0) FROM reported_event_totals WHERE event_type = 'deaths'");
        var rows = await _aact.ScalarAsync<long>("SELECT count(*) FROM reported_event_totals");

        rows.ShouldBe(3 * groups.Length);
        deaths.ShouldBe(groups.Sum(g => (long?)g["deathsNumAffected"]?.GetValue<int>() ?? 0));
    }
}
