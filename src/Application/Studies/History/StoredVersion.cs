namespace Clinical.Application.Studies.History;

/// <summary>
/// One known state of a study as the store keeps it: <c>present</c> (with its registry dates, status and, when asked for,
/// its JSON) or <c>deleted</c> (absent from a <c>--full</c> file). The current state comes last.
/// </summary>
/// <param name="Version">1 for the state the first import saw, then one more per change.</param>
/// <param name="State"><c>present</c> or <c>deleted</c>.</param>
/// <param name="IsCurrent">Whether this is the state the study's tables hold now.</param>
/// <param name="ContentSha256">SHA-256 of the raw JSON the import read (null for a deleted state).</param>
/// <param name="LastUpdatePostDate">The registry's lastUpdatePostDate of this version.</param>
/// <param name="VersionHolder">The registry's versionHolder (the data's version date) of this version.</param>
/// <param name="OverallStatus">The overall status in this version.</param>
/// <param name="FirstSeenRun">The import run that wrote this state (or marked the study deleted).</param>
/// <param name="FirstSeenAt">When that run read it (UTC).</param>
/// <param name="ReplacedInRun">The run that replaced this state with the next one (null for the current state).</param>
/// <param name="ReplacedAt">When it was replaced.</param>
/// <param name="Utf8Json">The study's JSON in the registry's shape, when asked for and present.</param>
public sealed record StoredVersion(
    int Version,
    string State,
    bool IsCurrent,
    byte[]? ContentSha256,
    DateOnly? LastUpdatePostDate,
    DateOnly? VersionHolder,
    string? OverallStatus,
    long FirstSeenRun,
    DateTime? FirstSeenAt,
    long? ReplacedInRun,
    DateTimeOffset? ReplacedAt,
    byte[]? Utf8Json)
{
    public const string Present = "present";
    public const string Deleted = "deleted";
}
