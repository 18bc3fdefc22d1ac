namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The baseline module's and each outcome measure's groups: ids unique, and every denom count, measurement and analysis
/// names a group its own groups list declares, once. Outcome measures reuse ids (OG000…) per measure, so each measure is
/// checked against its own groups; a measure that posts no data (reportingStatus NOT_POSTED) has no groups and no references.
/// </summary>
internal static class MeasureInvariants
{
    private static readonly LazyJsonPath Baseline = new("resultsSection.baselineCharacteristicsModule");
    private static readonly LazyJsonPath Outcomes = new("resultsSection.outcomeMeasuresModule");

    public static void CheckBaseline(BaselineCharacteristicsModule baseline, ref FindingList findings)
    {
        var groups = new DeclaredKeys<MeasureGroup>(baseline.Groups, static g => g.Id);
        GroupChecks.UniqueIds(ref groups, Baseline, "groups", ref findings);
        Denoms(baseline.Denoms, ref groups, Baseline, ref findings);
        var measures = baseline.Measures;
        for (var m = 0; m < (measures?.Count ?? 0); m++)
        {
            var measure = Baseline.Then("measures", m);
            Denoms(measures![m].Denoms, ref groups, measure, ref findings);
            Classes(measures[m].Classes, ref groups, measure, ref findings);
        }
    }

    public static void CheckOutcomes(OutcomeMeasuresModule outcomes, ref FindingList findings)
    {
        var measures = outcomes.OutcomeMeasures;
        for (var o = 0; o < (measures?.Count ?? 0); o++)
        {
            var outcome = measures![o];
            var measure = Outcomes.Then("outcomeMeasures", o);
            var groups = new DeclaredKeys<MeasureGroup>(outcome.Groups, static g => g.Id);
            GroupChecks.UniqueIds(ref groups, measure, "groups", ref findings);
            Denoms(outcome.Denoms, ref groups, measure, ref findings);
            Classes(outcome.Classes, ref groups, measure, ref findings);
            Analyses(outcome.Analyses, ref groups, measure, ref findings);
        }
    }

    private static void Denoms(IReadOnlyList<Denom>? denoms, ref DeclaredKeys<MeasureGroup> groups, LazyJsonPath owner, ref FindingList findings)
    {
        for (var d = 0; d < (denoms?.Count ?? 0); d++)
        {
            GroupChecks.PerGroupList(denoms![d].Counts, static c => c.GroupId, ref groups, owner.Then("denoms", d), "counts", ref findings);
        }
    }

    private static void Classes(IReadOnlyList<MeasureClass>? classes, ref DeclaredKeys<MeasureGroup> groups, LazyJsonPath owner, ref FindingList findings)
    {
        for (var c = 0; c < (classes?.Count ?? 0); c++)
        {
            var @class = owner.Then("classes", c);
            Denoms(classes![c].Denoms, ref groups, @class, ref findings);
            var categories = classes[c].Categories;
            for (var k = 0; k < (categories?.Count ?? 0); k++)
            {
                GroupChecks.PerGroupList(
                    categories![k].Measurements, static m => m.GroupId, ref groups, @class.Then("categories", k), "measurements", ref findings);
            }
        }
    }

    /// <summary>Each analysis compares groups of its own measure, each named once.</summary>
    private static void Analyses(IReadOnlyList<MeasureAnalysis>? analyses, ref DeclaredKeys<MeasureGroup> groups, LazyJsonPath owner, ref FindingList findings)
    {
        for (var a = 0; a < (analyses?.Count ?? 0); a++)
        {
            var groupIds = analyses![a].GroupIds;
            groups.StartList();
            for (var g = 0; g < (groupIds?.Count ?? 0); g++)
            {
                var groupId = groupIds![g];
                if (groups.Use(groupId, g) is not GroupUse.First and var use)
                {
                    GroupChecks.Report(use, $"{owner}.analyses[{a}].groupIds[{g}]", groupId, ref findings);
                }
            }
        }
    }
}
