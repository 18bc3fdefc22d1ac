using System.Globalization;

namespace Clinical.Domain.Studies;

/// <summary>
/// A number the registry sends as text in the results section ("20,200", ".17", "NA", "&lt;0.001"). The raw text is kept;
/// <see cref="Number"/> is the value with thousands separators removed, <see cref="Qualifier"/> the leading comparison
/// ("&lt;", "&lt;=", "&gt;", "&gt;=", "="), and "NA"-like text has no number.
/// </summary>
public readonly record struct ResultValue
{
    private static readonly string[] Qualifiers = ["<=", ">=", "≤", "≥", "<", ">", "="];

    private ResultValue(string raw, decimal? number, string? qualifier)
    {
        Raw = raw;
        Number = number;
        Qualifier = qualifier;
    }

    public string Raw { get; }

    public decimal? Number { get; }

    public string? Qualifier { get; }

    public static ResultValue Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var s = raw.AsSpan().Trim();
        string? qualifier = null;
        foreach (var q in Qualifiers)
        {
            if (s.StartsWith(q, StringComparison.Ordinal))
            {
                qualifier = q switch { "≤" => "<=", "≥" => ">=", _ => q };
                s = s[q.Length..].TrimStart();
                break;
            }
        }

        Span<char> digits = stackalloc char[Math.Min(s.Length, 64)];
        var n = 0;
        foreach (var c in s)
        {
            if (c == ',')
            {
                continue;
            }

            if (n == digits.Length)
            {
                return new ResultValue(raw, null, qualifier);
            }

            digits[n++] = c;
        }

        return decimal.TryParse(digits[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new ResultValue(raw, number, qualifier)
            : new ResultValue(raw, null, qualifier);
    }

    public override string ToString() => Raw;
}
