using System.Globalization;

namespace Clinical.Domain.Studies;

/// <summary>A registry timestamp to the minute with no zone ("2021-03-15T14:02", document upload dates); raw text kept.</summary>
public readonly record struct LocalTimestamp
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    private LocalTimestamp(string raw, DateTime? value)
    {
        Raw = raw;
        Value = value;
    }

    public string Raw { get; }

    public DateTime? Value { get; }

    /// <summary>Whether <see cref="Raw"/> was read as a timestamp (else only the text is kept).</summary>
    public bool IsParsed => Value.HasValue;

    public static LocalTimestamp Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var s = raw.AsSpan();
        if (s.Length == 16 && s[10] == 'T' && s[13] == ':' && PartialDate.TryReadDay(s[..10], out var day)
            && PartialDate.TryNumber(s[11..13], out var hour) && PartialDate.TryNumber(s[14..], out var minute))
        {
            // The registry's shape, read directly (DateTime.TryParseExact is slow, and a JIT's worth of code to warm up).
            return day is { } d && hour < 24 && minute < 60
                ? new LocalTimestamp(raw, d.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified))
                : new LocalTimestamp(raw, null);
        }

        return DateTime.TryParseExact(raw, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new LocalTimestamp(raw, DateTime.SpecifyKind(value, DateTimeKind.Unspecified))
            : new LocalTimestamp(raw, null);
    }

    public override string ToString() => Raw;
}
