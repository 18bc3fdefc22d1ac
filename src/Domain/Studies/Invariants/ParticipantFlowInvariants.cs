namespace Clinical.Domain.Studies.Invariants;

/// <summary>The participant flow's groups: ids unique, and every milestone count and drop-out reason names a declared group once.</summary>
internal static class ParticipantFlowInvariants
{
    private static readonly LazyJsonPath Module = new("resultsSection.participantFlowModule");

    public static void Check(ParticipantFlowModule flow, ref FindingList findings)
    {
        var groups = new DeclaredKeys<FlowGroup>(flow.Groups, static g => g.Id);
        GroupChecks.UniqueIds(ref groups, Module, "groups", ref findings);
        var periods = flow.Periods;
        for (var p = 0; p < (periods?.Count ?? 0); p++)
        {
            var period = Module.Then("periods", p);
            var milestones = periods![p].Milestones;
            for (var m = 0; m < (milestones?.Count ?? 0); m++)
            {
                GroupChecks.PerGroupList(milestones![m].Achievements, static a => a.GroupId, ref groups, period.Then("milestones", m), "achievements", ref findings);
            }

            var dropWithdraws = periods[p].DropWithdraws;
            for (var d = 0; d < (dropWithdraws?.Count ?? 0); d++)
            {
                GroupChecks.PerGroupList(dropWithdraws![d].Reasons, static r => r.GroupId, ref groups, period.Then("dropWithdraws", d), "reasons", ref findings);
            }
        }
    }
}
