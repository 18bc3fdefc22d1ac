using Clinical.Domain.Studies;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public class MeasureInvariantsTests
{
    private static Denom[] Denoms(params string[] groupIds) =>
        [new Denom { Units = "Participants", Counts = [.. groupIds.Select(id => new DenomCount { GroupId = id, Value = ResultValue.Parse("10") })] }];

    private static MeasureClass[] Classes(params string[] groupIds) =>
        [new MeasureClass { Categories = [new MeasureCategory(), new MeasureCategory { Measurements = DomainStudies.Measurements(groupIds) }] }];

    private static Study WithBaseline(BaselineCharacteristicsModule baseline) =>
        DomainStudies.WithResults(new ResultsSection { BaselineCharacteristicsModule = baseline });

    private static Study WithOutcomes(params OutcomeMeasure[] measures) =>
        DomainStudies.WithResults(new ResultsSection { OutcomeMeasuresModule = new OutcomeMeasuresModule { OutcomeMeasures = measures } });

    [Fact]
    public void Constructor_BaselineMeasurementOfUndeclaredGroup_FindsUndeclaredGroupId()
    {
        var baseline = new BaselineCharacteristicsModule
        {
            Groups = DomainStudies.MeasureGroups("BG000", "BG001"),
            Denoms = Denoms("BG000", "BG001"),
            Measures = [new BaselineMeasure { Classes = Classes("BG000", "BG001") }, new BaselineMeasure { Classes = Classes("BG000", "BG002") }],
        };

        var study = WithBaseline(baseline);

        var finding = study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.baselineCharacteristicsModule.measures[1].classes[0].categories[1].measurements[1].groupId");
        finding.Value.ShouldBe("BG002");
    }

    [Fact]
    public void Constructor_BaselineDenomsOfUndeclaredGroups_FindsUndeclaredGroupIdAtEachLevel()
    {
        var baseline = new BaselineCharacteristicsModule
        {
            Groups = DomainStudies.MeasureGroups("BG000"),
            Denoms = Denoms("BG009"),
            Measures = [new BaselineMeasure { Denoms = Denoms("BG008"), Classes = [new MeasureClass { Denoms = Denoms("BG000", "BG007") }] }],
        };

        var study = WithBaseline(baseline);

        study.FindingsOf(InvariantRules.UndeclaredGroupId).Select(f => f.JsonPath).ShouldBe(
        [
            "resultsSection.baselineCharacteristicsModule.denoms[0].counts[0].groupId",
            "resultsSection.baselineCharacteristicsModule.measures[0].denoms[0].counts[0].groupId",
            "resultsSection.baselineCharacteristicsModule.measures[0].classes[0].denoms[0].counts[1].groupId",
        ]);
    }

    [Fact]
    public void Constructor_OutcomeMeasureUsesAnotherMeasuresGroup_FindsUndeclaredGroupId()
    {
        var first = new OutcomeMeasure { Groups = DomainStudies.MeasureGroups("OG000", "OG001"), Classes = Classes("OG000", "OG001") };
        var second = new OutcomeMeasure { Groups = DomainStudies.MeasureGroups("OG000"), Denoms = Denoms("OG000"), Classes = Classes("OG000", "OG001") };

        var study = WithOutcomes(first, second);

        var finding = study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.outcomeMeasuresModule.outcomeMeasures[1].classes[0].categories[1].measurements[1].groupId");
    }

    [Fact]
    public void Constructor_AnalysisOfUndeclaredGroup_FindsUndeclaredGroupId()
    {
        var measure = new OutcomeMeasure
        {
            Groups = DomainStudies.MeasureGroups("OG000", "OG001"),
            Analyses = [new MeasureAnalysis { GroupIds = ["OG000", "OG001"] }, new MeasureAnalysis { GroupIds = ["OG000", "OG002"] }],
        };

        var study = WithOutcomes(measure);

        var finding = study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.outcomeMeasuresModule.outcomeMeasures[0].analyses[1].groupIds[1]");
    }

    [Fact]
    public void Constructor_MeasurementsNameOneGroupTwice_FindsDuplicateKey()
    {
        var measure = new OutcomeMeasure { Groups = DomainStudies.MeasureGroups("OG000", "OG001"), Classes = Classes("OG000", "OG000") };

        var study = WithOutcomes(measure);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.outcomeMeasuresModule.outcomeMeasures[0].classes[0].categories[1].measurements[1].groupId");
    }

    [Fact]
    public void Constructor_OutcomeMeasureWithTwoGroupsOfOneId_FindsDuplicateKey()
    {
        var measure = new OutcomeMeasure { Groups = DomainStudies.MeasureGroups("OG000", "OG001", "OG001") };

        var study = WithOutcomes(measure);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("resultsSection.outcomeMeasuresModule.outcomeMeasures[0].groups[2].id");
        finding.Value.ShouldBe("OG001");
    }

    [Fact]
    public void Constructor_NotPostedOutcomeMeasureWithoutGroups_FindsNothing()
    {
        var measure = new OutcomeMeasure { Title = "Not posted", ReportingStatus = new Coded<ReportingStatus>("NOT_POSTED") };

        var study = WithOutcomes(measure);

        study.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(20)]
    [InlineData(70)]
    public void Constructor_ManyGroupsEachMeasuredOnce_FindsNothing(int groupCount)
    {
        var ids = Enumerable.Range(0, groupCount).Select(i => $"OG{i:000}").ToArray();
        var measure = new OutcomeMeasure { Groups = DomainStudies.MeasureGroups(ids), Denoms = Denoms(ids), Classes = Classes([.. ids.Reverse()]) };

        var study = WithOutcomes(measure);

        study.Findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(20, 3)]
    [InlineData(70, 66)]
    public void Constructor_ManyGroupsOneMeasuredTwiceOneUndeclared_FindsBoth(int groupCount, int repeated)
    {
        var ids = Enumerable.Range(0, groupCount).Select(i => $"OG{i:000}").ToArray();
        var measured = ids.Append(ids[repeated]).Append("OG999").ToArray();
        var measure = new OutcomeMeasure { Groups = DomainStudies.MeasureGroups(ids), Classes = Classes(measured) };

        var study = WithOutcomes(measure);

        var path = "resultsSection.outcomeMeasuresModule.outcomeMeasures[0].classes[0].categories[1].measurements";
        study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem().JsonPath.ShouldBe($"{path}[{groupCount}].groupId");
        study.FindingsOf(InvariantRules.UndeclaredGroupId).ShouldHaveSingleItem().JsonPath.ShouldBe($"{path}[{groupCount + 1}].groupId");
    }
}
