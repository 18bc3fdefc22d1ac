using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>Small wire records for tests: only what a test is about is set.</summary>
internal static class StudyRecords
{
    public const string ValidNctId = "NCT01234567";

    /// <summary>The least a storable study has: an identification module with an NCT number.</summary>
    public static StudyRecord Minimal(string? nctId = ValidNctId) => new()
    {
        ProtocolSection = new ProtocolSectionRecord
        {
            IdentificationModule = new IdentificationModuleRecord { NctId = nctId },
        },
    };

    /// <summary><see cref="Minimal"/> plus <paramref name="change"/> applied to its protocol section.</summary>
    public static StudyRecord WithProtocol(Func<ProtocolSectionRecord, ProtocolSectionRecord> change, string nctId = ValidNctId)
    {
        var record = Minimal(nctId);
        return record with { ProtocolSection = change(record.ProtocolSection!) };
    }
}
