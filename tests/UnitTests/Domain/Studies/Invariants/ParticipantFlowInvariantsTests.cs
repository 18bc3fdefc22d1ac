using Clinical.Domain.Studies;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public class ParticipantFlowInvariantsTests
{
    private static Study WithFlow(FlowGroup[] groups, FlowPeriod[] periods) =>
        DomainStudies.WithResults(new ResultsSection { ParticipantFlowModule = new ParticipantFlowModule { Groups = groups, Periods = periods } });

    private static FlowGroup[] Groups(params string[] ids) => [.. ids.Select(id => new FlowGroup { Id = id })];

    private static FlowStats[] Counts(params string[] groupIds) => [.. groupIds.Select(id => new FlowStats { GroupId = id, NumSubjects = ResultValue.Parse("10") })];

    [Fact]
    public void Constructor_AchievementOfUndeclaredGroup_FindsUndeclaredGroupId()
    {
        var periods = new[]
        {
            new FlowPeriod
            {
                Milestones =
                [
                    new FlowMilestone { Type = "STARTED", Achievements = Counts("FG000", "FG001") },
                    new FlowMilestone { Type = "COMPLETED", Achievements = Counts("FG000", "FG001", "FG002") },
                ],
            },
        };

        var study = WithFlow(Groups("FG000", "FG001"), periods);

        var finding = study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.participantFlowModule.periods[0].milestones[1].achievements[2].groupId");
        finding.Value.ShouldBe("FG002");
    }

    [Fact]
    public void Constructor_DropWithdrawReasonOfUndeclaredGroup_FindsUndeclaredGroupId()
    {
        var periods = new[]
        {
            new FlowPeriod(),
            new FlowPeriod { DropWithdraws = [new DropWithdraw { Type = "Lost to Follow-up", Reasons = Counts("FG001", "BG000") }] },
        };

        var study = WithFlow(Groups("FG000", "FG001"), periods);

        var finding = study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.participantFlowModule.periods[1].dropWithdraws[0].reasons[1].groupId");
    }

    [Fact]
    public void Constructor_MilestoneCountsOneGroupTwice_FindsDuplicateKey()
    {
        var periods = new[] { new FlowPeriod { Milestones = [new FlowMilestone { Achievements = Counts("FG000", "FG001", "FG000") }] } };

        var study = WithFlow(Groups("FG000", "FG001"), periods);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.participantFlowModule.periods[0].milestones[0].achievements[2].groupId");
    }

    [Fact]
    public void Constructor_TwoFlowGroupsWithOneId_FindsDuplicateKey()
    {
        var study = WithFlow(Groups("FG000", "FG000"), []);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.participantFlowModule.groups[1].id");
    }

    [Fact]
    public void Constructor_EveryCountOfDeclaredGroupOnce_FindsNothing()
    {
        var periods = new[]
        {
            new FlowPeriod
            {
                Milestones = [new FlowMilestone { Achievements = Counts("FG001", "FG000") }, new FlowMilestone { Achievements = Counts("FG000", "FG001") }],
                DropWithdraws = [new DropWithdraw { Reasons = Counts("FG000", "FG001") }],
            },
        };

        var study = WithFlow(Groups("FG000", "FG001"), periods);

        study.Findings.ShouldBeEmpty();
    }
}
