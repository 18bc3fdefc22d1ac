using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// What one pass over a study's text found: either the record, or why the study could not be read and at which JSON path.
/// </summary>
/// <param name="Record">The wire record; null when the study could not be read.</param>
/// <param name="Error">Why the study could not be read.</param>
/// <param name="JsonPath">Where it could not be read.</param>
/// <param name="Salvaged">
/// The values the record could not hold, each stored as null (an empty element in a list) with a finding that keeps its
/// exact path and raw text (<see cref="SalvageRules"/>); null when there were none.
/// </param>
/// <param name="UnknownPaths">The paths the schema does not describe (schema drift), each once, without indices; or null.</param>
/// <param name="Shape">The JSON shape no column holds (empty objects and arrays, nulls, verbatim copies); or null.</param>
/// <param name="DifferingCopies">Ignored keys known as verbatim copies that were not (so they are lost); or null.</param>
/// <param name="HoldsNul">Whether the text held the escape \u0000, which text cannot store (it is dropped from the record's texts).</param>
public sealed record DecodedStudy(
    StudyRecord? Record,
    string? Error,
    string? JsonPath,
    IReadOnlyList<Finding>? Salvaged = null,
    IReadOnlyList<string>? UnknownPaths = null,
    StudyJsonShape? Shape = null,
    IReadOnlyList<string>? DifferingCopies = null,
    bool HoldsNul = false)
{
    public static DecodedStudy Ok(StudyRecord record) => new(record, null, null);

    public static DecodedStudy Fail(string error, string? jsonPath) => new(null, error, jsonPath);
}
