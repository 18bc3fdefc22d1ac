using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// What became of one study of the input: its prepared rows, or a reject, or neither when its raw JSON is unchanged since
/// it was stored (it was not parsed); plus what the run counts of it: findings and warnings by rule, and the JSON paths the
/// schema lacks.
/// </summary>
public sealed record ProcessedStudy(string? NctId, PreparedStudy? Prepared, QuarantinedStudy? Reject, IReadOnlyList<Finding> Findings, IReadOnlyList<string>? UnknownPaths = null)
{
    public bool IsUnchanged => Prepared is null && Reject is null;

    public static ProcessedStudy Unchanged(string nctId) => new(nctId, null, null, []);

    public static ProcessedStudy Rejected(QuarantinedStudy reject) => new(reject.NctId, null, reject, []);

    /// <summary>The same outcome with the warnings found before the pipeline (drift, NUL) added.</summary>
    public ProcessedStudy With(IReadOnlyList<Finding>? warnings, IReadOnlyList<string>? unknownPaths) =>
        warnings is null && unknownPaths is null ? this : this with { Findings = warnings is null ? Findings : [.. Findings, .. warnings], UnknownPaths = unknownPaths };
}
