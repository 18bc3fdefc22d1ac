namespace Clinical.Application.Runs.GetRecentRuns;

/// <summary>One import run as <c>clinical runs</c> shows it: its outcome, its source and its counts.</summary>
public sealed record RecentRun(
    long RunId,
    string Status,
    string Source,
    string Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long Read,
    long Written,
    long Unchanged,
    long Rejected,
    long Deleted,
    long Rows,
    string? Error);
