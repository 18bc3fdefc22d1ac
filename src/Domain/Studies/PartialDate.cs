using System.Globalization;

namespace Clinical.Domain.Studies;

/// <summary>
/// A registry date that may lack its day or month ("2021", "2021-03", "2021-03-15"). The raw text is kept; the
/// <see cref="FirstDay"/> is the first day of the period it names (never AACT's "last day of the month").
/// </summary>
public readonly record struct PartialDate
{
    private PartialDate(string raw, DateOnly? firstDay, DatePrecision precision)
    {
        Raw = raw;
        FirstDay = firstDay;
        Precision = precision;
    }

    public string Raw { get; }

    public DateOnly? FirstDay { get; }

    public DatePrecision Precision { get; }

    public bool IsParsed => Precision != DatePrecision.Unparsed;

    /// <summary>Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". Anything else is kept as raw text with <see cref="DatePrecision.Unparsed"/>.</summary>
    public static PartialDate Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var s = raw.AsSpan();
        if (s.Length == 4 && TryNumber(s, out var y) && y >= 1)
        {
            return new PartialDate(raw, new DateOnly(y, 1, 1), DatePrecision.Year);
        }

        if (s.Length == 7 && s[4] == '-' && TryNumber(s[..4], out y) && y >= 1 && TryNumber(s[5..], out var m) && m is >= 1 and <= 12)
        {
            return new PartialDate(raw, new DateOnly(y, m, 1), DatePrecision.Month);
        }

        if (TryReadDay(s, out var day))
        {
            // The registry's shape, read directly: DateOnly.TryParseExact took a percent of the importer's time.
            return new PartialDate(raw, day, day is null ? DatePrecision.Unparsed : DatePrecision.Day);
        }

        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return new PartialDate(raw, d, DatePrecision.Day); // another spelling the format accepts
        }

        return new PartialDate(raw, null, DatePrecision.Unparsed);
    }

    /// <summary>
    /// Reads "YYYY-MM-DD" spelled with digits and dashes only: false when <paramref name="s"/> is not of that shape, true with
    /// a null <paramref name="day"/> when it is but names no day (2021-02-30).
    /// </summary>
    internal static bool TryReadDay(ReadOnlySpan<char> s, out DateOnly? day)
    {
        day = null;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' || !TryNumber(s[..4], out var y) || !TryNumber(s[5..7], out var m) || !TryNumber(s[8..], out var d))
        {
            return false;
        }

        if (y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            day = new DateOnly(y, m, d);
        }

        return true;
    }

    /// <summary>A number of ASCII digits only (no sign, no white space).</summary>
    internal static bool TryNumber(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public override string ToString() => Raw;
}
