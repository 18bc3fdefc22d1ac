using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// The 200 real registry records of tests/fixtures/ctgov/real-studies.json.gz, each as its JSON and as the wire record System.Text.Json
/// (reflection, camelCase) reads it. Production reads through a source-generated context in Infrastructure, which unit
/// tests do not reference; the member names are the same.
/// </summary>
internal static class RealStudies
{
    private static readonly Lazy<IReadOnlyList<RealStudy>> Loaded = new(Load);

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RealStudy> All => Loaded.Value;

    private static List<RealStudy> Load()
    {
        using var stream = File.OpenRead(TestFixtures.RealStudiesPath);
        using var document = JsonDocument.Parse(stream);
        return
        [
            .. document.RootElement.EnumerateArray().Select(element => new RealStudy(
                element.Clone(),
                element.Deserialize<StudyRecord>(Options) ?? throw new InvalidOperationException("A real study deserialized to null."))),
        ];
    }
}

/// <summary>One real study: its JSON and its wire record.</summary>
internal sealed record RealStudy(JsonElement Json, StudyRecord Record)
{
    public string NctId => Json.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;

    /// <summary>The element at <paramref name="path"/> (property names), or null when any of them is absent.</summary>
    public JsonElement? At(params string[] path)
    {
        var current = Json;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The length of the array at <paramref name="path"/>, 0 when absent.</summary>
    public int ArrayLength(params string[] path) => At(path) is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 0;

    public string? StringAt(params string[] path) => At(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
