using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Either a record, or why the study could not be read and at which JSON path. A record read only after fields were
/// salvaged carries their findings (<see cref="SalvageRules"/>) and the text it was read from, with each salvaged value
/// replaced by null.
/// </summary>
public readonly record struct StudyParseResult(StudyRecord? Record, string? Error, string? JsonPath, IReadOnlyList<Finding>? Salvaged = null, ReadOnlyMemory<byte> SalvagedUtf8 = default)
{
    public static StudyParseResult Ok(StudyRecord record) => new(record, null, null);

    public static StudyParseResult Fail(string error, string? jsonPath) => new(null, error, jsonPath);

    /// <summary>A record read from <paramref name="salvagedUtf8"/>, the study's text with the <paramref name="findings"/>' values nulled.</summary>
    public static StudyParseResult Salvage(StudyRecord record, IReadOnlyList<Finding> findings, ReadOnlyMemory<byte> salvagedUtf8) =>
        new(record, null, null, findings, salvagedUtf8);
}
