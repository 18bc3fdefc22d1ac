using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>Prepared studies as a test repository makes them: one row each, no encoded bytes.</summary>
internal static class PreparedStudies
{
    public static PreparedStudy Of(StoredStudy study) => new TestPreparedStudy(study);

    private sealed class TestPreparedStudy(StoredStudy study) : PreparedStudy(study.Study.NctId, study.ContentSha256, study.Ordinal)
    {
        public override long Rows => 1;
    }
}
