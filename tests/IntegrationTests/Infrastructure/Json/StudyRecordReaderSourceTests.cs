using Clinical.GenerateDecoder;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.IntegrationTests.Infrastructure.Json;

/// <summary>The generated reader is in step with the record types, and the record with the schema.</summary>
public sealed class StudyRecordReaderSourceTests
{
    [Fact]
    public void CheckedInReader_IsWhatTheGeneratorWritesFromTheRecordTypes()
    {
        var checkedIn = File.ReadAllText(Path.Combine(DecoderSource.RepositoryRoot(), DecoderSource.RelativePath)).ReplaceLineEndings("\n");

        checkedIn.ShouldBe(DecoderSource.Generate(), "StudyRecord.cs changed: run `dotnet run --project tools/GenerateDecoder` and commit the reader it writes.");
    }

    [Fact]
    public void RecordValuePaths_AreTheSchemasStoredPaths()
    {
        // A path the record reads but no column stores would be lost without a word; one the schema stores but the record
        // does not read would be reported as drift on every study.
        DecoderSource.ValuePaths().Order(StringComparer.Ordinal).ShouldBe(new StudySchema().StoredPaths.Order(StringComparer.Ordinal));
    }
}
