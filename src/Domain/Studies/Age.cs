using System.Globalization;

namespace Clinical.Domain.Studies;

/// <summary>
/// The registry's NormalizedTime: a number and a unit, as in eligibility ages ("18 Years") and target durations ("6 Months").
/// The raw text is kept; <see cref="Years"/> converts to years (365.25-day years, 30.4375-day months) for comparisons.
/// </summary>
public readonly record struct Age
{
    private Age(string raw, decimal? number, TimeUnit? unit)
    {
        Raw = raw;
        Number = number;
        Unit = unit;
    }

    public string Raw { get; }

    public decimal? Number { get; }

    public TimeUnit? Unit { get; }

    public bool IsParsed => Number.HasValue && Unit.HasValue;

    public decimal? Years => Number is { } n && Unit is { } u ? decimal.Round(n / PerYear(u), 8) : null;

    /// <summary>Reads "N Unit" (singular or plural unit); anything else is kept as raw text with no number.</summary>
    public static Age Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var s = raw.AsSpan().Trim();
        var space = s.IndexOf(' ');
        if (space > 0
            && decimal.TryParse(s[..space], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && TryUnit(s[(space + 1)..].Trim(), out var unit))
        {
            return new Age(raw, number, unit);
        }

        return new Age(raw, null, null);
    }

    private static bool TryUnit(ReadOnlySpan<char> s, out TimeUnit unit)
    {
        if (s.EndsWith("s", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^1];
        }

        foreach (var candidate in Enum.GetValues<TimeUnit>())
        {
            if (s.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    private static decimal PerYear(TimeUnit unit) => unit switch
    {
        TimeUnit.Year => 1m,
        TimeUnit.Month => 12m,
        TimeUnit.Week => 365.25m / 7m,
        TimeUnit.Day => 365.25m,
        TimeUnit.Hour => 365.25m * 24m,
        _ => 365.25m * 24m * 60m,
    };

    public override string ToString() => Raw;
}
