using System.Globalization;

namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The adverse events' groups: ids unique, every event stat names a declared group once, and no count of affected
/// participants exceeds its count at risk (per event stat, and in each group's deaths/serious/other totals).
/// </summary>
internal static class AdverseEventInvariants
{
    private static readonly LazyJsonPath Module = new("resultsSection.adverseEventsModule");

    public static void Check(AdverseEventsModule events, ref FindingList findings)
    {
        var groups = new DeclaredKeys<EventGroup>(events.EventGroups, static g => g.Id);
        GroupChecks.UniqueIds(ref groups, Module, "eventGroups", ref findings);
        CheckGroupTotals(events.EventGroups, ref findings);
        CheckEvents(events.SeriousEvents, "seriousEvents", ref groups, ref findings);
        CheckEvents(events.OtherEvents, "otherEvents", ref groups, ref findings);
    }

    private static void CheckGroupTotals(IReadOnlyList<EventGroup>? eventGroups, ref FindingList findings)
    {
        for (var g = 0; g < (eventGroups?.Count ?? 0); g++)
        {
            var group = eventGroups![g];
            CheckAffected(group.DeathsNumAffected, group.DeathsNumAtRisk, g, "deaths", ref findings);
            CheckAffected(group.SeriousNumAffected, group.SeriousNumAtRisk, g, "serious", ref findings);
            CheckAffected(group.OtherNumAffected, group.OtherNumAtRisk, g, "other", ref findings);
        }
    }

    private static void CheckAffected(int? affected, int? atRisk, int group, string kind, ref FindingList findings)
    {
        if (affected > atRisk)
        {
            findings.Add(
                InvariantRules.AffectedExceedsAtRisk,
                $"{Module}.eventGroups[{group}].{kind}NumAffected",
                affected.Value.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{affected} participants affected of {atRisk} at risk."));
        }
    }

    private static void CheckEvents(IReadOnlyList<AdverseEvent>? events, string listName, ref DeclaredKeys<EventGroup> groups, ref FindingList findings)
    {
        for (var e = 0; e < (events?.Count ?? 0); e++)
        {
            var stats = events![e].Stats;
            GroupChecks.PerGroupList(stats, static s => s.GroupId, ref groups, Module.Then(listName, e), "stats", ref findings);
            for (var s = 0; s < (stats?.Count ?? 0); s++)
            {
                if (stats![s].NumAffected > stats[s].NumAtRisk)
                {
                    findings.Add(
                        InvariantRules.AffectedExceedsAtRisk,
                        $"{Module}.{listName}[{e}].stats[{s}].numAffected",
                        stats[s].NumAffected!.Value.ToString(CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"{stats[s].NumAffected} participants affected of {stats[s].NumAtRisk} at risk."));
                }
            }
        }
    }
}
