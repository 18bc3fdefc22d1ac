using System.Text.Json.Nodes;
using static Clinical.IntegrationTests.EndToEnd.Aact.StudyJson;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>calculated_values' adverse-event subjects count each person once (docs/aact.md, "Adverse-event totals").</summary>
[Collection(AactCollection.Name)]
public sealed class AactAdverseEventTotalsTests(AactRealStudies aact)
{
    private readonly AactRealStudies _aact = aact;

    [Fact]
    public async Task CalculatedValues_CombinedGroup_IsLeftOutOfTheSum()
    {
        _aact.RequireAvailable();
        var study = _aact.Studies.Single(s => Nct(s) == "NCT00356603"); // Migraine 33, Cluster Headache 33, "Migraine + Cluster Headache" 66
        var groups = Items(study, "resultsSection.adverseEventsModule.eventGroups").ToArray();
        var combined = groups.Single(g => Text(g, "title")!.Contains('+', StringComparison.Ordinal));

        var nsae = await _aact.ScalarAsync<int>("SELECT number_of_nsae_subjects FROM calculated_values WHERE nct_id = 'NCT00356603'");

        nsae.ShouldBe(groups.Where(g => g != combined).Sum(g => g["otherNumAffected"]!.GetValue<int>()));
        nsae.ShouldBeLessThan(groups.Sum(g => g["otherNumAffected"]!.GetValue<int>()));
    }

    [Fact]
    public async Task CalculatedValues_PerPeriodGroups_GiveNoSumRatherThanMoreSubjectsThanEnrolled()
    {
        _aact.RequireAvailable();
        var study = _aact.Studies.Single(s => Nct(s) == "NCT02438826"); // 8 groups over 3 periods: 658 at risk, 240 enrolled
        var atRisk = Items(study, "resultsSection.adverseEventsModule.eventGroups").Sum(g => g["otherNumAtRisk"]!.GetValue<int>());
        var enrolled = At(study, "protocolSection.designModule.enrollmentInfo.count")!.GetValue<int>();

        var totals = await _aact.ColumnAsync<int?>(
            "SELECT number_of_nsae_subjects FROM calculated_values WHERE nct_id = 'NCT02438826' UNION ALL SELECT number_of_sae_subjects FROM calculated_values WHERE nct_id = 'NCT02438826'");

        atRisk.ShouldBeGreaterThan(enrolled);
        totals.ShouldBe([null, null]);
    }

    [Fact]
    public async Task CalculatedValues_EveryRealStudy_FollowsTheDocumentedRule()
    {
        _aact.RequireAvailable();
        var expected = _aact.Studies.ToDictionary(Nct, s => (Subjects(s, "serious"), Subjects(s, "other")));

        var rows = await _aact.ColumnAsync<string>(
            "SELECT nct_id || '|' || coalesce(number_of_sae_subjects::text, '-') || '|' || coalesce(number_of_nsae_subjects::text, '-') FROM calculated_values");

        rows.Order(StringComparer.Ordinal).ShouldBe(expected.Select(e => $"{e.Key}|{e.Value.Item1?.ToString() ?? "-"}|{e.Value.Item2?.ToString() ?? "-"}").Order(StringComparer.Ordinal));
    }

    /// <summary>The rule, computed from the JSON: drop a group holding the sum of all the others; overlapping groups give no sum.</summary>
    private static int? Subjects(JsonNode study, string kind)
    {
        var groups = Items(study, "resultsSection.adverseEventsModule.eventGroups")
            .Select(g => (Affected: (int?)g[$"{kind}NumAffected"]?.GetValue<int>(), AtRisk: (int?)g[$"{kind}NumAtRisk"]?.GetValue<int>() ?? 0)).ToArray();
        var total = groups.Sum(g => g.AtRisk);
        var kept = groups.Where(g => !(groups.Length > 2 && 2 * g.AtRisk == total)).ToArray();
        var enrolled = (int?)At(study, "protocolSection.designModule.enrollmentInfo.count")?.GetValue<int>();
        if (kept.Length == 0 || kept.Sum(g => g.AtRisk) > enrolled || kept.All(g => g.Affected is null))
        {
            return null;
        }

        return kept.Sum(g => g.Affected ?? 0);
    }
}
