using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>Prepared studies as a test repository makes them: no encoded rows, just the study's identity and lineage.</summary>
internal static class PreparedStudies
{
    public static PreparedStudy Of(StoredStudy study) => PreparedStudy.WithoutRows(study.Study.NctId, study.ContentSha256, study.Ordinal);
}
