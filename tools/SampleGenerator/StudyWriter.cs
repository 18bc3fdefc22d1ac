using System.Globalization;
using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.SampleGenerator;

/// <summary>Writes one study by walking the shape: which keys are present, how long each array is, and each value by its kind.</summary>
/// <param name="json">Where the study goes.</param>
/// <param name="random">The study's own random stream.</param>
/// <param name="complete">True to write every key of the shape (with results); otherwise about 8 keys in 10.</param>
/// <param name="nctId">The study's NCT number.</param>
internal sealed class StudyWriter(Utf8JsonWriter json, Random random, bool complete, string nctId)
{
    private static readonly string[] Units = ["Year", "Month", "Week", "Day", "Hour", "Minute"];
    private readonly Utf8JsonWriter _json = json;
    private readonly Random _random = random;
    private readonly bool _complete = complete;
    private readonly string _nctId = nctId;
    private readonly bool _hasResults = complete || random.Next(4) == 0;
    private readonly Dictionary<string, List<string>> _declared = new(StringComparer.Ordinal);

    public void Write(SampleNode root) => WriteObject(root, 0);

    /// <param name="node">An object node.</param>
    /// <param name="index">Index of the array element this object is (or lies in), for declared ids.</param>
    private void WriteObject(SampleNode node, int index)
    {
        var children = new List<(SampleNode Node, int Length)>(node.Children.Count);
        foreach (var child in node.Children)
        {
            if (child.Declares is { } declares)
            {
                _declared[declares] = []; // what a module or measure declares holds for its own references only
            }

            children.Add((child, child.IsArray ? Length(child) : 1));
        }

        var present = children.Where(c => c.Length > 0 && IsPresent(c.Node)).ToList();
        if (present.Count == 0)
        {
            present.Add(children.First(c => c.Length > 0)); // the registry sends no empty objects
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
                    WriteElement(child, i);
                }

                _json.WriteEndArray();
            }
            else
            {
                WriteElement(child, index);
            }
        }

        _json.WriteEndObject();
    }

    private void WriteElement(SampleNode node, int index)
    {
        if (node.Kind is { } kind)
        {
            WriteValue(node, kind, index);
        }
        else
        {
            WriteObject(node, index);
        }
    }

    private int Length(SampleNode array) =>
        array.RefersTo is { } declaring ? _declared.GetValueOrDefault(declaring)?.Count ?? 0 : _random.Next(1, 4);

    private bool IsPresent(SampleNode node) => node.Path switch
    {
        SampleShape.ResultsPath => _hasResults,
        SampleShape.HasResultsPath => true,
        _ when SampleShape.NctIdPath.StartsWith(node.Path, StringComparison.Ordinal) => true, // the NCT number and its objects
        _ when _complete || node.Rule.Declares || node.Rule.RefersTo is not null => true,
        _ => _random.Next(10) < 8,
    };

    private void WriteValue(SampleNode node, StudyValueKind kind, int index)
    {
        var rule = node.Rule;
        if (node.Path == SampleShape.NctIdPath)
        {
            _json.WriteStringValue(_nctId);
        }
        else if (node.Path == SampleShape.HasResultsPath)
        {
            _json.WriteBooleanValue(_hasResults);
        }
        else if (rule.RefersTo is { } declaring)
        {
            _json.WriteStringValue(_declared[declaring][index]);
        }
        else if (rule.Declares)
        {
            var id = string.Format(CultureInfo.InvariantCulture, rule.Format!, index);
            _declared[node.Path].Add(id);
            _json.WriteStringValue(id);
        }
        else
        {
            WriteByKind(node, kind, rule);
        }
    }

    private void WriteByKind(SampleNode node, StudyValueKind kind, FieldRule rule)
    {
        switch (kind)
        {
            case StudyValueKind.Boolean:
                _json.WriteBooleanValue(_random.Next(2) == 0);
                break;
            case StudyValueKind.Integer:
                _json.WriteNumberValue(Number(rule, 0, 500));
                break;
            case StudyValueKind.Number:
                _json.WriteNumberValue(Math.Round(_random.NextDouble() * 90, 4));
                break;
            case StudyValueKind.Code:
                _json.WriteStringValue(node.Spellings[_random.Next(node.Spellings.Length)]);
                break;
            case StudyValueKind.Date:
                _json.WriteStringValue(Date(rule).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case StudyValueKind.PartialDate:
                _json.WriteStringValue(Date(rule).ToString(_random.Next(2) == 0 ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case StudyValueKind.Timestamp:
                _json.WriteStringValue(Date(rule).ToDateTime(new TimeOnly(_random.Next(24), _random.Next(60))).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
                break;
            case StudyValueKind.Age:
                var unit = rule.Min is null ? Units[_random.Next(Units.Length)] : Units[0];
                var number = Number(rule, 1, 30);
                _json.WriteStringValue($"{number} {unit}{(number == 1 ? string.Empty : "s")}");
                break;
            case StudyValueKind.ResultNumber:
                _json.WriteStringValue(ResultNumber());
                break;
            default:
                _json.WriteStringValue(rule.Format is { } format
                    ? string.Format(CultureInfo.InvariantCulture, format, Number(rule, 1, 9_999))
                    : $"{node.Words} {_random.Next(1, 10_000)}");
                break;
        }
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
