using Clinical.Domain.Common;
using Clinical.Domain.Studies;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public class StudyInvariantsTests
{
    [Theory]
    [InlineData(false, "false")]
    [InlineData(null, null)]
    public void Constructor_ResultsSectionWithoutTrueFlag_FindsResultsWithoutFlag(bool? hasResults, string? value)
    {
        var results = new ResultsSection();

        var study = DomainStudies.WithResultsFlag(results, hasResults);

        var finding = study.FindingsOf(InvariantRules.ResultsWithoutFlag).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("hasResults");
        finding.Value.ShouldBe(value);
    }

    [Fact]
    public void Constructor_FlagWithoutResultsSection_FindsFlagWithoutResults()
    {
        var study = DomainStudies.WithResultsFlag(null, true);

        var finding = study.FindingsOf(InvariantRules.FlagWithoutResults).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection");
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, null)]
    public void Constructor_ResultsSectionAndFlagAgree_FindsNothing(bool withResults, bool? hasResults)
    {
        var study = DomainStudies.WithResultsFlag(withResults ? new ResultsSection() : null, hasResults);

        study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_BrokenSoftInvariant_KeepsEveryPartAndDoesNotThrow()
    {
        var results = new ResultsSection
        {
            AdverseEventsModule = new AdverseEventsModule
            {
                EventGroups = [new EventGroup { Id = "EG000", SeriousNumAffected = 9, SeriousNumAtRisk = 3 }],
            },
        };

        var study = DomainStudies.WithResultsFlag(results, false);

        study.ResultsSection.ShouldBeSameAs(results);
        study.HasResults.ShouldBe(false);
        study.Findings.Select(f => f.Rule).ShouldBe([InvariantRules.ResultsWithoutFlag, InvariantRules.AffectedExceedsAtRisk], ignoreOrder: true);
    }

    [Fact]
    public void Constructor_InvalidNctIdWithBrokenSoftInvariants_StillThrowsDomainException()
    {
        var protocol = new ProtocolSection { IdentificationModule = new IdentificationModule() };

        var act = () => new Study(protocol, new ResultsSection(), null, null, null, false);

        act.ShouldThrow<DomainException>();
    }

    [Fact]
    public void AddFindings_AfterInvariantFindings_KeepsBoth()
    {
        var study = DomainStudies.WithResultsFlag(null, true);
        var valueFinding = new Finding("unknown-code", "protocolSection.statusModule.overallStatus", "SOMETHING", "Not a known status.");

        study.AddFindings([valueFinding]);

        study.Findings.Select(f => f.Rule).ShouldBe([InvariantRules.FlagWithoutResults, "unknown-code"]);
    }
}
