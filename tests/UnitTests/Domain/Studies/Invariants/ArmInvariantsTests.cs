using Clinical.Domain.Studies;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public class ArmInvariantsTests
{
    private static Study WithArms(ArmGroup[] armGroups, Intervention[] interventions) =>
        DomainStudies.WithProtocol(new ProtocolSection
        {
            ArmsInterventionsModule = new ArmsInterventionsModule { ArmGroups = armGroups, Interventions = interventions },
        });

    private static ArmGroup Arm(string label, params string[] interventionNames) =>
        new() { Label = label, InterventionNames = interventionNames.Length == 0 ? null : interventionNames };

    private static Intervention Drug(string name, params string[] armGroupLabels) =>
        new() { Type = new Coded<InterventionType>(InterventionType.Drug), Name = name, ArmGroupLabels = armGroupLabels };

    [Fact]
    public void Constructor_InterventionNamesUnknownArmGroupLabel_FindsUnknownArmGroupLabel()
    {
        var study = WithArms([Arm("Aspirin arm"), Arm("Placebo arm")], [Drug("Aspirin", "Aspirin arm"), Drug("Placebo", "Placebo Arm")]);

        var finding = study.FindingsOf(InvariantRules.UnknownArmGroupLabel).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.armsInterventionsModule.interventions[1].armGroupLabels[0]");
        finding.Value.ShouldBe("Placebo Arm");
    }

    [Fact]
    public void Constructor_EveryReferenceResolves_FindsNothing()
    {
        var study = WithArms(
            [Arm("Aspirin arm", "Drug: Aspirin"), Arm("Test arm", "Diagnostic Test: Blood test", "Aspirin")],
            [Drug("Aspirin", "Aspirin arm", "Test arm"), new Intervention { Type = new Coded<InterventionType>("DIAGNOSTIC_TEST"), Name = "Blood test" }]);

        study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_TwoArmGroupsWithOneLabel_FindsDuplicateKey()
    {
        var study = WithArms([Arm("Arm A"), Arm("Arm B"), Arm("Arm A")], []);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.armsInterventionsModule.armGroups[2].label");
        finding.Value.ShouldBe("Arm A");
    }

    [Fact]
    public void Constructor_InterventionNamesOneArmTwice_FindsDuplicateKey()
    {
        var study = WithArms([Arm("Arm A")], [Drug("Aspirin", "Arm A", "Arm A")]);

        var finding = study.FindingsOf(InvariantRules.DuplicateKey).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.armsInterventionsModule.interventions[0].armGroupLabels[1]");
    }

    [Theory]
    [InlineData("Drug: Ibuprofen")]
    [InlineData("Device: Aspirin")]
    [InlineData("Drug:Aspirin")]
    [InlineData("Drug: Aspirin 100 mg")]
    public void Constructor_ArmGroupNamesUnknownIntervention_FindsUnknownInterventionName(string reference)
    {
        var study = WithArms([Arm("Arm A", reference)], [Drug("Aspirin", "Arm A")]);

        var finding = study.FindingsOf(InvariantRules.UnknownInterventionName).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.armsInterventionsModule.armGroups[0].interventionNames[0]");
        finding.Value.ShouldBe(reference);
    }

    [Fact]
    public void Constructor_TwoInterventionsWithOneName_FindsNothing()
    {
        var study = WithArms([Arm("5 mg", "Drug: TS-142"), Arm("10 mg", "Drug: TS-142")], [Drug("TS-142", "5 mg"), Drug("TS-142", "10 mg")]);

        study.Findings.ShouldBeEmpty();
    }
}
