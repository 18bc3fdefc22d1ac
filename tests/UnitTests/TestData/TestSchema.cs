using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.TestData;

/// <summary>A small stand-in for the table description: the few fields the unit tests use, with their kinds.</summary>
internal sealed class TestSchema(IReadOnlyList<StudyField> fields) : IStudySchema
{
    public static TestSchema Default { get; } = new(
    [
        new("protocolSection.identificationModule.nctId", StudyValueKind.Text),
        new("protocolSection.identificationModule.briefTitle", StudyValueKind.Text),
        new("protocolSection.statusModule.overallStatus", StudyValueKind.Code, typeof(Status)),
        new("protocolSection.statusModule.startDateStruct.date", StudyValueKind.PartialDate),
        new("protocolSection.eligibilityModule.minimumAge", StudyValueKind.Age),
        new("protocolSection.contactsLocationsModule.locations.status", StudyValueKind.Code, typeof(RecruitmentStatus)),
    ]);

    public IReadOnlyList<StudyField> Fields { get; } = fields;

    public IEnumerable<string> StoredPaths => Fields.Select(f => f.JsonPath);

    public IEnumerable<string> IgnoredPaths => [];
}
