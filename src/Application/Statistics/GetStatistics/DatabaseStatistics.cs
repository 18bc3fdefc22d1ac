namespace Clinical.Application.Statistics.GetStatistics;

/// <summary>
/// What <c>clinical stats</c> shows: rows per table, studies by overall status and by phase, the most common quarantine
/// reasons, and the findings (soft invariants a study broke, its data kept) per rule.
/// </summary>
public sealed record DatabaseStatistics(
    IReadOnlyList<KeyValuePair<string, long>> RowsPerTable,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByStatus,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByPhase,
    IReadOnlyList<KeyValuePair<string, long>> QuarantineReasons,
    IReadOnlyList<FindingRuleCount> FindingsByRule)
{
    public static DatabaseStatistics Empty { get; } = new([], [], [], [], []);
}
