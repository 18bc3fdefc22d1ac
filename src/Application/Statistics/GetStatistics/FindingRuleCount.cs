namespace Clinical.Application.Statistics.GetStatistics;

/// <summary>One rule's findings: how many there are, and in how many studies.</summary>
public sealed record FindingRuleCount(string Rule, long Count, long Studies);
