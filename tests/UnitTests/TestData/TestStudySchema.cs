using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// A schema built by hand for unit tests (they cannot reference Infrastructure's description): only the fields a test is
/// about, declared with the same paths and kinds the table description uses.
/// </summary>
internal sealed class TestStudySchema(params StudyField[] fields) : IStudySchema
{
    /// <summary>A field of every kind that has a rule, at the top level, in a struct, in one array and in nested arrays.</summary>
    public static TestStudySchema Common { get; } = new(
        new("protocolSection.identificationModule.nctId", StudyValueKind.Text),
        new("protocolSection.identificationModule.briefTitle", StudyValueKind.Text),
        new("protocolSection.statusModule.statusVerifiedDate", StudyValueKind.PartialDate),
        new("protocolSection.statusModule.overallStatus", StudyValueKind.Code, typeof(Status)),
        new("protocolSection.statusModule.lastKnownStatus", StudyValueKind.Code, typeof(Status)),
        new("protocolSection.statusModule.startDateStruct.date", StudyValueKind.PartialDate),
        new("protocolSection.statusModule.startDateStruct.type", StudyValueKind.Code, typeof(DateType)),
        new("protocolSection.statusModule.completionDateStruct.date", StudyValueKind.PartialDate),
        new("protocolSection.statusModule.studyFirstSubmitDate", StudyValueKind.Date),
        new("protocolSection.statusModule.whyStopped", StudyValueKind.Text),
        new("protocolSection.designModule.studyType", StudyValueKind.Code, typeof(StudyType)),
        new("protocolSection.designModule.phases", StudyValueKind.Code, typeof(Phase)),
        new("protocolSection.designModule.enrollmentInfo.count", StudyValueKind.Integer),
        new("protocolSection.eligibilityModule.sex", StudyValueKind.Code, typeof(Sex)),
        new("protocolSection.eligibilityModule.minimumAge", StudyValueKind.Age),
        new("protocolSection.eligibilityModule.maximumAge", StudyValueKind.Age),
        new("protocolSection.contactsLocationsModule.locations.status", StudyValueKind.Code, typeof(RecruitmentStatus)),
        new("resultsSection.outcomeMeasuresModule.outcomeMeasures.classes.categories.measurements.value", StudyValueKind.ResultNumber),
        new("resultsSection.outcomeMeasuresModule.outcomeMeasures.analyses.pValue", StudyValueKind.ResultNumber),
        new("documentSection.largeDocumentModule.largeDocs.uploadDate", StudyValueKind.Timestamp));

    public IEnumerable<string> StoredPaths => Fields.Select(f => f.JsonPath);

    public IEnumerable<string> IgnoredPaths => [];

    public IReadOnlyList<StudyField> Fields { get; } = fields;
}
