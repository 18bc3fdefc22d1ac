namespace Clinical.Application.Studies.History;

/// <summary>
/// One version of a study as <c>clinical history</c> shows it; with <c>--diff</c>, <see cref="Changes"/> lists what changed
/// since the previous present version (null for the first version and for a deleted state).
/// </summary>
public sealed record StudyVersion(
    int Version,
    string State,
    bool IsCurrent,
    string? ContentSha256,
    DateOnly? LastUpdatePostDate,
    DateOnly? VersionHolder,
    string? OverallStatus,
    long FirstSeenRun,
    DateTime? FirstSeenAt,
    long? ReplacedInRun,
    DateTimeOffset? ReplacedAt,
    IReadOnlyList<JsonChange>? Changes);
