namespace Clinical.Application.Studies.Import;

/// <summary>Either a record, or why the study could not be read and at which JSON path.</summary>
public readonly record struct StudyParseResult(StudyRecord? Record, string? Error, string? JsonPath)
{
    public static StudyParseResult Ok(StudyRecord record) => new(record, null, null);

    public static StudyParseResult Fail(string error, string? jsonPath) => new(null, error, jsonPath);
}
