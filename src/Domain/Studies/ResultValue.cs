using System.Globalization;

namespace Clinical.Domain.Studies;

/// <summary>
/// A number the registry sends as text in the results section ("20,200", ".17", "NA", "&lt;0.001"). The raw text is kept;
/// <see cref="Number"/> is the value, <see cref="Qualifier"/> the leading comparison ("&lt;", "&lt;=", "&gt;", "&gt;=", "=").
/// Numbers are never guessed: a comma is read as a thousands separator only in valid groups of three ("20,200",
/// "1,234,567.5"), so "0,5" or "12,34" (a decimal comma, or a typo) has no number; so has "NA" and any other text. A
/// typographic minus (U+2212) is a minus.
/// </summary>
public readonly record struct ResultValue
{
    /// <summary>The registry's spelling of "not available" in result numbers (the only non-number in the real records).</summary>
    public const string NotAvailable = "NA";

    private const char TypographicMinus = '\u2212';
    private const int MaxLength = 64;
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

    /// <summary>Whether the text is the registry's "not available" ("NA", blanks around it allowed): no number, on purpose.</summary>
    public bool IsNotAvailable => Number is null && Raw.AsSpan().Trim().Equals(NotAvailable, StringComparison.Ordinal);

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

        return new ResultValue(raw, ParseNumber(s), qualifier);
    }

    /// <summary>
    /// The number <paramref name="text"/> states (no qualifier), or null: digits with an optional sign (ASCII or U+2212),
    /// fraction and exponent; commas only as thousands separators in valid groups of three before any '.' or exponent,
    /// after a first group of one to three digits that does not start with 0 ("0,500" is a decimal comma, not 500).
    /// </summary>
    public static decimal? ParseNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return null;
        }

        Span<char> chars = stackalloc char[text.Length];
        var n = 0;
        var start = 0;
        if (text[0] is '-' or '+' or TypographicMinus)
        {
            chars[n++] = text[0] == TypographicMinus ? '-' : text[0];
            start = 1;
        }

        var integerEnd = text[start..].IndexOfAny('.', 'e', 'E') is var at and >= 0 ? start + at : text.Length;
        var integer = text[start..integerEnd];
        if (integer.Contains(','))
        {
            if (!IsGroupedByThousands(integer))
            {
                return null;
            }

            foreach (var c in integer)
            {
                if (c != ',')
                {
                    chars[n++] = c;
                }
            }
        }
        else
        {
            integer.CopyTo(chars[n..]);
            n += integer.Length;
        }

        var rest = text[integerEnd..];
        if (rest.Contains(','))
        {
            return null;
        }

        rest.CopyTo(chars[n..]);
        n += rest.Length;
        return decimal.TryParse(chars[..n], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    /// <summary>"20,200", "1,234,567": a first group of 1-3 digits not starting with 0, then groups of exactly three.</summary>
    private static bool IsGroupedByThousands(ReadOnlySpan<char> integer)
    {
        var first = integer.IndexOf(',');
        if (first is < 1 or > 3 || integer[0] == '0')
        {
            return false;
        }

        for (var i = 0; i < integer.Length; i++)
        {
            var isSeparator = i >= first && (i - first) % 4 == 0;
            if (isSeparator ? integer[i] != ',' : !char.IsAsciiDigit(integer[i]))
            {
                return false;
            }
        }

        return (integer.Length - first) % 4 == 0;
    }

    public override string ToString() => Raw;
}
