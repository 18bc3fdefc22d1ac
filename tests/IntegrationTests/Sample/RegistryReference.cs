using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clinical.IntegrationTests.Sample;

/// <summary>The registry reference of tests/fixtures: the metadata tree, the enum lists of FIELDS.md and the JSON kinds the real records use per path.</summary>
internal sealed partial class RegistryReference
{
    public const string GeoPointPath = "protocolSection.contactsLocationsModule.locations.geoPoint";

    /// <summary>Keys of real downloads that the spec does not document; the generator must not emit them.</summary>
    public static readonly string[] UndocumentedRealKeys =
    [
        "protocolSection.contactsLocationsModule.locations_nested",
        "protocolSection.armsInterventionsModule.interventions.interventionMappedName",
        "derivedSection.miscInfoModule.modelPredictions",
    ];

    private static readonly Lazy<RegistryReference> Shared = new(Load);

    private RegistryReference(Dictionary<string, MetadataNode> metadata, Dictionary<string, HashSet<string>> enums, List<JsonElement> realStudies)
    {
        Metadata = metadata;
        Enums = enums;
        RealStudies = realStudies;
        foreach (var study in realStudies)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                if (!RealKinds.TryGetValue(path, out var kinds))
                {
                    RealKinds[path] = kinds = [];
                }

                kinds.Add(JsonPaths.Kind(value));
            });
        }
    }

    public static RegistryReference Value => Shared.Value;

    public Dictionary<string, MetadataNode> Metadata { get; }

    /// <summary>Metadata paths plus geoPoint's members (a leaf of type GeoPoint in the metadata, an object {lat, lon} on the wire).</summary>
    public HashSet<string> DocumentedPaths => [.. Metadata.Keys, GeoPointPath + ".lat", GeoPointPath + ".lon"];

    public Dictionary<string, HashSet<string>> Enums { get; }

    public List<JsonElement> RealStudies { get; }

    /// <summary>Per path, the JSON kinds real records use (array elements flattened, so "array" plus the element kind).</summary>
    public Dictionary<string, HashSet<string>> RealKinds { get; } = [];

    public static bool IsUndocumented(string path) =>
        UndocumentedRealKeys.Any(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal));

    /// <summary>The JSON kinds the metadata type allows at <paramref name="path"/>, or null for paths it does not list.</summary>
    public HashSet<string>? ExpectedKinds(string path)
    {
        if (!Metadata.TryGetValue(path, out var node))
        {
            return path.StartsWith(GeoPointPath + ".", StringComparison.Ordinal) ? ["number"] : null;
        }

        var isArray = node.Type.EndsWith("[]", StringComparison.Ordinal);
        if (node.HasChildren || node.Type == "GeoPoint")
        {
            return isArray ? ["array", "object"] : ["object"];
        }

        var scalar = node.Type.TrimEnd('[', ']') switch
        {
            "boolean" => "boolean",
            "integer" or "long" or "number" => "number",
            _ => "string",
        };
        return isArray ? ["array", scalar] : [scalar];
    }

    private static RegistryReference Load()
    {
        var metadata = new Dictionary<string, MetadataNode>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(File.ReadAllBytes(TestFixtures.MetadataPath)))
        {
            AddNodes(document.RootElement, string.Empty, metadata);
        }

        var enums = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var inEnums = false;
        foreach (var line in File.ReadLines(TestFixtures.FieldsPath))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inEnums = line.StartsWith("## Enum types", StringComparison.Ordinal);
            }
            else if (inEnums && EnumLinePattern().Match(line) is { Success: true } match)
            {
                enums[match.Groups["name"].Value] = match.Groups["values"].Value.Split(", ").ToHashSet(StringComparer.Ordinal);
            }
        }

        return new RegistryReference(metadata, enums, JsonPaths.ParseArray(File.ReadAllBytes(TestFixtures.RealStudiesPath)));
    }

    private static void AddNodes(JsonElement nodes, string prefix, Dictionary<string, MetadataNode> metadata)
    {
        foreach (var node in nodes.EnumerateArray())
        {
            var path = prefix + node.GetProperty("name").GetString();
            var hasChildren = node.TryGetProperty("children", out var children);
            var isEnum = node.TryGetProperty("isEnum", out var flag) && flag.GetBoolean();
            var maxChars = node.TryGetProperty("maxChars", out var max) ? max.GetInt32() : (int?)null;
            metadata[path] = new MetadataNode(path, node.GetProperty("type").GetString()!, isEnum, hasChildren, maxChars);
            if (hasChildren)
            {
                AddNodes(children, path + ".", metadata);
            }
        }
    }

    [GeneratedRegex(@"^- \*\*(?<name>\w+)\*\*: (?<values>.+)$")]
    private static partial Regex EnumLinePattern();
}
