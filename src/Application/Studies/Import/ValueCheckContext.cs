using System.Text;
using Clinical.Domain.Studies;
using FluentValidation;
using FluentValidation.Results;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Where <see cref="StudyValueChecks"/> stands in the record (a stack of JSON path segments) and where its warnings go.
/// The path string is built only when a warning is reported.
/// </summary>
internal sealed class ValueCheckContext(ValidationContext<StudyRecord> context)
{
    public const string UnknownCode = "unknown-code";
    public const string UnreadableDate = "unreadable-date";
    public const string UnreadableAge = "unreadable-age";

    private readonly ValidationContext<StudyRecord> _context = context;
    private readonly List<(string Name, int Index)> _path = [];

    public void Enter(string name, int index = -1) => _path.Add((name, index));

    public void Leave() => _path.RemoveAt(_path.Count - 1);

    public void Code<TEnum>(string? value, string name)
        where TEnum : struct, Enum
    {
        if (value is not null && !Coded<TEnum>.IsKnownSpelling(value))
        {
            Warn(name, -1, value, UnknownCode, $"'{value}' is not a {typeof(TEnum).Name} value of the specification; stored as given.");
        }
    }

    public void Codes<TEnum>(IReadOnlyList<string>? values, string name)
        where TEnum : struct, Enum
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!Coded<TEnum>.IsKnownSpelling(values![i]))
            {
                Warn(name, i, values[i], UnknownCode, $"'{values[i]}' is not a {typeof(TEnum).Name} value of the specification; stored as given.");
            }
        }
    }

    public void PartialDate(string? value, string name)
    {
        if (value is not null && !Domain.Studies.PartialDate.Parse(value).IsParsed)
        {
            Warn(name, -1, value, UnreadableDate, $"'{value}' is not YYYY, YYYY-MM or YYYY-MM-DD; stored as text only.");
        }
    }

    public void FullDate(string? value, string name)
    {
        if (value is not null && Domain.Studies.PartialDate.Parse(value).Precision != DatePrecision.Day)
        {
            Warn(name, -1, value, UnreadableDate, $"'{value}' is not a YYYY-MM-DD date.");
        }
    }

    public void Timestamp(string? value, string name)
    {
        if (value is not null && LocalTimestamp.Parse(value).Value is null)
        {
            Warn(name, -1, value, UnreadableDate, $"'{value}' is not a yyyy-MM-ddTHH:mm timestamp; stored as text only.");
        }
    }

    public void Age(string? value, string name)
    {
        if (value is not null && !Domain.Studies.Age.Parse(value).IsParsed)
        {
            Warn(name, -1, value, UnreadableAge, $"'{value}' is not 'N Unit' (e.g. '18 Years'); stored as text only.");
        }
    }

    private void Warn(string name, int index, string value, string code, string message)
    {
        var path = new StringBuilder();
        foreach (var (segment, at) in _path.Append((name, index)))
        {
            path.Append(path.Length == 0 ? string.Empty : ".").Append(segment);
            if (at >= 0)
            {
                path.Append('[').Append(at).Append(']');
            }
        }

        _context.AddFailure(new ValidationFailure(path.ToString(), message, value) { ErrorCode = code, Severity = Severity.Warning });
    }
}
