using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>The record's shape as the table description states it: stored and ignored paths, and each field's kind of value.</summary>
public sealed class StudySchema : IStudySchema
{
    private static readonly Lazy<IReadOnlyList<StudyField>> AllFields = new(() =>
        [.. StudyTables.All
            .SelectMany(table => table.ColumnPaths())
            .Where(p => !p.Column.Derived)
            .DistinctBy(p => p.JsonPath, StringComparer.Ordinal)
            .Select(p => new StudyField(p.JsonPath, p.Column.Kind, p.Column.EnumType))]);

    public IEnumerable<string> StoredPaths =>
        StudyTables.All
            .SelectMany(table => table.ColumnPaths().Select(p => p.JsonPath))
            .Append("protocolSection.identificationModule.nctId")
            .Distinct(StringComparer.Ordinal);

    public IEnumerable<string> IgnoredPaths => StudyTables.IgnoredPaths.Keys;

    public IReadOnlyDictionary<string, string> CopiedPaths => StudyTables.CopiedPaths;

    public IReadOnlyList<StudyField> Fields => AllFields.Value;
}
