using System.Globalization;
using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.SampleGenerator;

/// <summary>Writes one study by walking the shape: which keys are present (all when <paramref name="complete"/>, else about
/// 8 in 10), how long each array is, and each value by its kind, from the study's own <paramref name="random"/> stream.</summary>
internal sealed class StudyWriter(Utf8JsonWriter json, Random random, bool complete, string nctId)
{
    private static readonly string[] Units = ["Year", "Month", "Week", "Day", "Hour", "Minute"];
    private readonly Utf8JsonWriter _json = json;
    private readonly Random _random = random;
    private readonly bool _complete = complete;
    private readonly string _nctId = nctId;
    private readonly bool _hasResults = complete || random.Next(4) == 0;
    private readonly Dictionary<string, List<string>> _declared = new(StringComparer.Ordinal);

    /// <summary>Writes a node's value or object; <paramref name="index"/> is that of the array element it is or lies in (for ids).</summary>
    public void WriteNode(SampleNode node, int index)
    {
        if (node.Kind is { } kind)
        {
            WriteValue(node, kind, index);
            return;
        }

        foreach (var declares in node.Children.Select(c => c.Declares).OfType<string>())
        {
            _declared[declares] = []; // what a module or measure declares holds for its own references only
        }

        var children = node.Children.Select(c => (Node: c, Length: c.IsArray ? Length(c) : 1)).Where(c => c.Length > 0).ToList();
        var present = children.Where(c => IsPresent(c.Node)).ToList();
        if (present.Count == 0)
        {
            present.Add(children[0]); // the registry sends no empty objects
        }

        _json.WriteStartObject();
        foreach (var (child, length) in present)
        {
            _json.WritePropertyName(child.Name);
            if (child.IsArray)
            {
                _json.WriteStartArray();
                for (var i = 0; i < length; i++)
                {
                    WriteNode(child, i);
                }

                _json.WriteEndArray();
            }
            else
            {
                WriteNode(child, index);
            }
        }

        _json.WriteEndObject();
    }

    private int Length(SampleNode array) =>
        array.RefersTo is { } declaring ? _declared.GetValueOrDefault(declaring)?.Count ?? 0 : _random.Next(1, 4);

    private bool IsPresent(SampleNode node) => node.Path switch
    {
        SampleShape.ResultsPath => _hasResults,
        SampleShape.HasResultsPath => true,
        _ when SampleShape.NctIdPath.StartsWith(node.Path, StringComparison.Ordinal) => true, // the NCT number and its objects
        _ when _complete || node.Rule.Declares || node.Rule.RefersTo is not null || node.Declares is not null => true, // ids and what declares them
        _ => _random.Next(10) < 8,
    };

    private void WriteValue(SampleNode node, StudyValueKind kind, int index)
    {
        var rule = node.Rule;
        switch (kind)
        {
            case StudyValueKind.Boolean:
                _json.WriteBooleanValue(node.Path == SampleShape.HasResultsPath ? _hasResults : _random.Next(2) == 0);
                return;
            case StudyValueKind.Integer:
                _json.WriteNumberValue(Number(rule, 0, 500));
                return;
            case StudyValueKind.Number:
                _json.WriteNumberValue(Math.Round(_random.NextDouble() * 90, 4));
                return;
        }

        var age = kind == StudyValueKind.Age ? Number(rule, 1, 30) : 0;
        var text = kind switch
        {
            _ when node.Path == SampleShape.NctIdPath => _nctId,
            _ when rule.RefersTo is { } declaring => _declared[declaring][index],
            _ when rule.Declares => string.Format(CultureInfo.InvariantCulture, rule.Format!, index),
            _ when rule.Choices is { } choices => choices[_random.Next(choices.Length)],
            StudyValueKind.Code => node.Spellings[_random.Next(node.Spellings.Length)],
            StudyValueKind.Date => Date(rule).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StudyValueKind.PartialDate => Date(rule).ToString(_random.Next(2) == 0 ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture),
            StudyValueKind.Timestamp => Date(rule).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{_random.Next(24):D2}:{_random.Next(60):D2}",
            StudyValueKind.Age => $"{age} {(rule.Min is null ? Units[_random.Next(Units.Length)] : Units[0])}{(age == 1 ? string.Empty : "s")}",
            StudyValueKind.ResultNumber => ResultNumber(),
            _ when rule.Format is { } format => string.Format(CultureInfo.InvariantCulture, format, Number(rule, 1, 9_999)),
            _ => $"{node.Words} {_random.Next(1, 10_000)}",
        };
        if (rule.Declares)
        {
            _declared[node.Path].Add(text);
        }

        _json.WriteStringValue(text);
    }

    private int Number(FieldRule rule, int min, int max) => _random.Next(rule.Min ?? min, (rule.Max ?? max) + 1);

    private DateOnly Date(FieldRule rule) => new(Number(rule, 2000, 2025), _random.Next(1, 13), _random.Next(1, 29));

    /// <summary>A number as the results section spells it: "12.5", "1,234", ".17", "-0.90", "&lt;0.001" or "NA".</summary>
    private string ResultNumber() => _random.Next(10) switch
    {
        0 => "NA",
        1 => _random.Next(1_000, 100_000).ToString("N0", CultureInfo.InvariantCulture),
        2 => "." + _random.Next(10, 100).ToString(CultureInfo.InvariantCulture),
        3 => "-0." + _random.Next(10, 100).ToString(CultureInfo.InvariantCulture),
        4 => "<0.00" + _random.Next(1, 10).ToString(CultureInfo.InvariantCulture),
        _ => (_random.Next(0, 10_000) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
    };
}
