namespace Clinical.Application.Statistics.GetStatistics;

/// <summary>
/// What <c>clinical stats</c> shows: rows per table, studies by overall status and by phase, the most common quarantine
/// reasons, the findings (soft invariants a study broke, its data kept) per rule, studies by first-posted year, with and
/// without results, and the most common conditions and countries (studies each, top 10).
/// </summary>
public sealed record DatabaseStatistics(
    IReadOnlyList<KeyValuePair<string, long>> RowsPerTable,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByStatus,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByPhase,
    IReadOnlyList<KeyValuePair<string, long>> QuarantineReasons,
    IReadOnlyList<FindingRuleCount> FindingsByRule,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByFirstPostedYear,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByResults,
    IReadOnlyList<KeyValuePair<string, long>> TopConditions,
    IReadOnlyList<KeyValuePair<string, long>> TopCountries)
{
    public static DatabaseStatistics Empty { get; } = new([], [], [], [], [], [], [], [], []);
}
