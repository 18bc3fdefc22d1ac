using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Clinical.Infrastructure.Json;

namespace Clinical.Cli;

/// <summary>
/// Settings checked before any command runs, each wrong one as one line that names the option or variable, what is
/// wrong and what to give instead: number ranges, dates, the size limit of one study, and the parser's own messages.
/// </summary>
internal static partial class CliSettings
{
    /// <summary>Rejects a value outside <paramref name="min"/>..<paramref name="max"/> while parsing (exit 2, nothing runs).</summary>
    public static Option<T> InRange<T>(this Option<T> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [.., var last] && int.TryParse(last.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            {
                result.AddError($"{option.Name} {value} is out of range: give {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}.");
            }
        });
        return option;
    }

    /// <summary>A date as YYYY-MM-DD, or one line saying so.</summary>
    public static DateOnly? ParseDate(ArgumentResult result)
    {
        if (result.Tokens is not [.., var last])
        {
            return null;
        }

        if (DateOnly.TryParseExact(last.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "the date"} '{last.Value}' is not a date: give YYYY-MM-DD, e.g. 2024-01-31.");
        return null;
    }

    /// <summary>The size limit of one study in MB: the option, else the variable, else the default; null and a problem when wrong.</summary>
    public static int? MaxStudyMegabytes(int? option, Func<string, string?> environment, out string? problem)
    {
        problem = null;
        if (option is { } given)
        {
            return given;
        }

        if (environment(StudyReaderOptions.MaxStudyVariable) is not { Length: > 0 } text)
        {
            return StudyReaderOptions.DefaultMaxStudyMegabytes;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) && megabytes is >= 1 and <= StudyReaderOptions.MaxStudyMegabytesLimit)
        {
            return megabytes;
        }

        problem = $"{StudyReaderOptions.MaxStudyVariable} '{text}' is not a size in MB: give a whole number from 1 to {StudyReaderOptions.MaxStudyMegabytesLimit:N0}, e.g. 64.";
        return null;
    }

    /// <summary>The parser's message, with .NET type names turned into words: "--batch-size 'abc' is not a whole number."</summary>
    public static string Friendly(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var kind = match.Groups["type"].Value switch
        {
            var type when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            var type when type.Contains("DateOnly", StringComparison.Ordinal) => "a date (YYYY-MM-DD)",
            var type when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ => "a valid value",
        };
        return $"{match.Groups["name"].Value} '{match.Groups["value"].Value}' is not {kind}.";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();
}
