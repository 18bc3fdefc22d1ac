using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;

namespace Clinical.SampleGenerator;

/// <summary>One key of a study's JSON tree as the table description implies it: an object, an array, or a value.</summary>
internal sealed class SampleNode(string name, string path, bool isArray)
{
    public string Name { get; } = name;

    /// <summary>Dotted path, arrays flattened ("protocolSection.conditionsModule.conditions").</summary>
    public string Path { get; } = path;

    public bool IsArray { get; } = isArray;

    public List<SampleNode> Children { get; } = [];

    /// <summary>The kind of value this key holds (for an array of values: each element's); null for objects.</summary>
    public StudyValueKind? Kind { get; private set; }

    public string[] Spellings { get; private set; } = [];

    public string Words { get; private set; } = string.Empty;

    public FieldRule Rule { get; } = SampleRules.For(path, name);

    /// <summary>For an array: the path of the value in its elements that declares ids, if any.</summary>
    public string? Declares { get; set; }

    /// <summary>For an array: the declaring path its elements refer to, one element per declared value.</summary>
    public string? RefersTo { get; set; }

    public void SetValue(StudyValueKind kind, Type? enumType)
    {
        Kind = kind;
        Spellings = enumType is null ? [] : [.. KnownSpellings(enumType).Order(StringComparer.Ordinal)]; // the registry's, in a stable order
        var words = string.Concat(Name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        Words = char.ToUpperInvariant(words[0]) + words[1..]; // "briefTitle" → "Brief title"
    }

    private static IEnumerable<string> KnownSpellings(Type enumType) =>
        (IEnumerable<string>)typeof(Coded<>).MakeGenericType(enumType).GetProperty(nameof(Coded<DateType>.KnownSpellings))!.GetValue(null)!;
}
