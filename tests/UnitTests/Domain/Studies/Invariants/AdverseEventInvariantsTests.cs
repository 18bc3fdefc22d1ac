using Clinical.Domain.Studies;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public class AdverseEventInvariantsTests
{
    private static readonly EventGroup[] TwoGroups = [new() { Id = "EG000" }, new() { Id = "EG001" }];

    private static Study WithEvents(AdverseEventsModule events) => DomainStudies.WithResults(new ResultsSection { AdverseEventsModule = events });

    private static AdverseEvent Event(params EventStats[] stats) => new() { Term = "Headache", Stats = stats };

    private static EventStats Stat(string groupId, int? affected, int? atRisk) => new() { GroupId = groupId, NumAffected = affected, NumAtRisk = atRisk };

    [Fact]
    public void Constructor_StatWithMoreAffectedThanAtRisk_FindsAffectedExceedsAtRisk()
    {
        var events = new AdverseEventsModule
        {
            EventGroups = TwoGroups,
            OtherEvents = [Event(Stat("EG000", 1, 10), Stat("EG001", 12, 10))],
        };

        var study = WithEvents(events);

        var finding = study.FindingsOf(InvariantRules.AffectedExceedsAtRisk).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.adverseEventsModule.otherEvents[0].stats[1].numAffected");
        finding.Value.ShouldBe("12");
        finding.Message.ShouldBe("12 participants affected of 10 at risk.");
    }

    [Fact]
    public void Constructor_GroupTotalWithMoreAffectedThanAtRisk_FindsAffectedExceedsAtRisk()
    {
        var events = new AdverseEventsModule
        {
            EventGroups = [new EventGroup { Id = "EG000", DeathsNumAffected = 0, DeathsNumAtRisk = 5, SeriousNumAffected = 6, SeriousNumAtRisk = 5 }],
        };

        var study = WithEvents(events);

        var finding = study.FindingsOf(InvariantRules.AffectedExceedsAtRisk).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.adverseEventsModule.eventGroups[0].seriousNumAffected");
    }

    [Fact]
    public void Constructor_AffectedAtMostAtRiskOrCountMissing_FindsNothing()
    {
        var events = new AdverseEventsModule
        {
            EventGroups = [new EventGroup { Id = "EG000", OtherNumAffected = 5, OtherNumAtRisk = 5 }, new EventGroup { Id = "EG001", OtherNumAffected = 5 }],
            SeriousEvents = [Event(Stat("EG000", 10, 10), Stat("EG001", 3, null))],
        };

        var study = WithEvents(events);

        study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_StatOfUndeclaredGroup_FindsUndeclaredGroupId()
    {
        var events = new AdverseEventsModule
        {
            EventGroups = TwoGroups,
            SeriousEvents = [Event(Stat("EG000", 0, 4)), Event(Stat("EG000", 0, 4), Stat("OG001", 0, 4))],
        };

        var study = WithEvents(events);

        var finding = study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.adverseEventsModule.seriousEvents[1].stats[1].groupId");
        finding.Value.ShouldBe("OG001");
    }

    [Fact]
    public void Constructor_TwoEventGroupsWithOneId_FindsDuplicateKey()
    {
        var events = new AdverseEventsModule { EventGroups = [new EventGroup { Id = "EG000" }, new EventGroup { Id = "EG000" }] };

        var study = WithEvents(events);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.adverseEventsModule.eventGroups[1].id");
    }
}
