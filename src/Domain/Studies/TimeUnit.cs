namespace Clinical.Domain.Studies;

/// <summary>The time units the registry uses in ages and durations ("18 Years", "6 Months", "18 Minutes").</summary>
public enum TimeUnit
{
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
}
