using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Import;

public class StudyFieldValidatorTests
{
    [Fact]
    public void Constructor_SchemaPathTheWireRecordLacks_ThrowsNamingPathAndSegment()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.statusModule.overallStatuz", StudyValueKind.Code, typeof(Status)));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyRecordValidator(schema));

        exception.Message.ShouldContain("'protocolSection.statusModule.overallStatuz'");
        exception.Message.ShouldContain("StatusModuleRecord has no property whose JSON name is 'overallStatuz'");
    }

    [Fact]
    public void Constructor_TextFieldTheWireRecordLacks_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.descriptionModule.shortSummary", StudyValueKind.Text));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyRecordValidator(schema));

        exception.Message.ShouldContain("'protocolSection.descriptionModule.shortSummary'");
    }

    [Fact]
    public void Constructor_PathGoingPastATextLeaf_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.statusModule.overallStatus.code", StudyValueKind.Code, typeof(Status)));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyRecordValidator(schema));

        exception.Message.ShouldContain("'overallStatus' is a String, it has no 'code'");
    }

    [Fact]
    public void Constructor_RuleKindOnANonTextMember_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.designModule.enrollmentInfo.count", StudyValueKind.Date));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyRecordValidator(schema));

        exception.Message.ShouldContain("'protocolSection.designModule.enrollmentInfo.count' is a Date");
    }

    [Fact]
    public void Constructor_CodeWithoutEnum_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.statusModule.overallStatus", StudyValueKind.Code));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyRecordValidator(schema));

        exception.Message.ShouldContain("names no enum");
    }

    [Fact]
    public void Constructor_CommonSchema_OneRulePerFieldWithARule()
    {
        var schema = TestStudySchema.Common;

        var validator = new StudyRecordValidator(schema);

        validator.FieldRules.Select(r => r.Field).ShouldBe(schema.Fields.Where(f => f.Kind is not (StudyValueKind.Text or StudyValueKind.Integer)));
    }

    [Fact]
    public void IsValid_NestedNullsAndEmptyLists_NoWarning()
    {
        var rule = new StudyFieldValidator(new StudyField(
            "resultsSection.outcomeMeasuresModule.outcomeMeasures.classes.categories.measurements.value", StudyValueKind.ResultNumber));
        var validator = new StudyRecordValidator(new TestStudySchema(rule.Field));
        var record = StudyRecords.Minimal() with
        {
            ResultsSection = new ResultsSectionRecord
            {
                OutcomeMeasuresModule = new OutcomeMeasuresModuleRecord
                {
                    OutcomeMeasures = [new OutcomeMeasureRecord(), new OutcomeMeasureRecord { Classes = [] }, new OutcomeMeasureRecord { Classes = [new MeasureClassRecord()] }],
                },
            },
        };

        var result = validator.Validate(record);

        result.Errors.ShouldBeEmpty();
    }
}
