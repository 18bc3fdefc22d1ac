using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clinical.IntegrationTests.Sample;

/// <summary>Values in the registry's formats: lengths, dates, durations, result numbers; nothing empty, nothing copied.</summary>
public sealed partial class SampleStudyGeneratorTests
{
    private static readonly string[] ResultNumberFields =
        [".value", ".spread", ".lowerLimit", ".upperLimit", ".numSubjects", ".numUnits", ".paramValue", ".dispersionValue", ".pValue", ".ciPctValue", ".ciLowerLimit", ".ciUpperLimit", ".frequencyThreshold"];

    [Fact]
    public void WriteArray_Strings_RespectTheMaxCharsOfTheMetadata()
    {
        // Arrange
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && Registry.Metadata.TryGetValue(path, out var node)
                    && node.MaxChars is { } max && value.GetString()!.Length > max)
                {
                    problems.Add($"{path}: {value.GetString()!.Length} > {max}");
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_DatesDurationsAndResultNumbers_FollowTheRegistryFormats()
    {
        // Arrange
        var problems = new SortedSet<string>();
        var results = new List<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind != JsonValueKind.String || !Registry.Metadata.TryGetValue(path, out var node))
                {
                    return;
                }

                var text = value.GetString()!;
                var ok = node.Type switch
                {
                    "NormalizedDate" => IsDate(text, "yyyy-MM-dd"),
                    "PartialDate" => IsDate(text, "yyyy-MM-dd") || IsDate(text, "yyyy-MM") || IsDate(text, "yyyy"),
                    "DateTimeMinutes" => DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    "NormalizedTime" => DurationPattern().Match(text) is { Success: true } m && m.Groups["s"].Success == (m.Groups["n"].Value != "1"),
                    _ when IsResultNumberPath(path) => ResultNumberPattern().IsMatch(text),
                    _ => true,
                };
                if (!ok)
                {
                    problems.Add($"{path} = {text}");
                }

                if (IsResultNumberPath(path))
                {
                    results.Add(text);
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        results.ShouldContain(v => v.Contains(','), "thousands separators like \"20,200\"");
        results.ShouldContain(v => v.StartsWith('.'), "leading-dot decimals like \".17\"");
        results.ShouldContain(v => v.StartsWith("-0.", StringComparison.Ordinal), "negative decimals like \"-0.90\"");
        results.ShouldContain(v => v.StartsWith('<'), "qualified values like \"<0.001\"");
        results.ShouldContain("NA");
    }

    [Fact]
    public void WriteArray_Values_HaveNoNullOrEmptyOrUntrimmedValues()
    {
        // Arrange
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                var bad = value.ValueKind switch
                {
                    JsonValueKind.Null => "null",
                    JsonValueKind.String when value.GetString()!.Length == 0 => "empty string",
                    JsonValueKind.String when value.GetString()!.Trim() != value.GetString() => "untrimmed string",
                    JsonValueKind.Array when value.GetArrayLength() == 0 => "empty array",
                    JsonValueKind.Object when !value.EnumerateObject().Any() => "empty object",
                    _ => null,
                };
                if (bad is not null)
                {
                    problems.Add($"{JsonPaths.NctId(study)} {path}: {bad}");
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_LongTexts_AreNotCopiedFromRealRecords()
    {
        // Arrange
        var realTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var study in Registry.RealStudies)
        {
            JsonPaths.Walk(study, string.Empty, (_, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length >= 30)
                {
                    realTexts.Add(value.GetString()!);
                }
            });
        }

        // Act
        var copied = new SortedSet<string>();
        foreach (var study in Sample.Value)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && realTexts.Contains(value.GetString()!))
                {
                    copied.Add($"{path}: {value.GetString()}");
                }
            });
        }

        // Assert
        copied.ShouldBeEmpty(string.Join("\n", copied));
    }

    private static bool IsDate(string text, string format) =>
        text.Length == format.Length && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Result values the registry sends as text: measurements, counts of the flow, analysis statistics.</summary>
    private static bool IsResultNumberPath(string path) =>
        ResultNumberFields.Any(f => path.EndsWith(f, StringComparison.Ordinal)) && path.StartsWith("resultsSection.", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<n>\d+) (Year|Month|Week|Day|Hour|Minute)(?<s>s)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(NA|(<|<=|>|>=|=)?-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?)$")]
    private static partial Regex ResultNumberPattern();
}
