using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>The JSON paths the table description stores and ignores, for the schema-drift check of each run.</summary>
public sealed class StudySchema : IStudySchema
{
    public IEnumerable<string> StoredPaths =>
        StudyTables.All
            .SelectMany(table => table.ColumnPaths().Select(p => p.JsonPath))
            .Append("protocolSection.identificationModule.nctId")
            .Distinct(StringComparer.Ordinal);

    public IEnumerable<string> IgnoredPaths => StudyTables.IgnoredPaths.Keys;
}
