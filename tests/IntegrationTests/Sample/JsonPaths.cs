using System.Text.Json;

namespace Clinical.IntegrationTests.Sample;

/// <summary>Dotted JSON paths with arrays flattened: <c>a.b</c> is member <c>b</c> of the elements of array <c>a</c>.</summary>
internal static class JsonPaths
{
    /// <summary>Visits every value with its dotted path; array elements get the path of their array.</summary>
    public static void Walk(JsonElement element, string path, Action<string, JsonElement> visit)
    {
        if (path.Length > 0)
        {
            visit(path, element);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", visit);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    visit(path, item);
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in item.EnumerateObject())
                        {
                            Walk(property.Value, $"{path}.{property.Name}", visit);
                        }
                    }
                }

                break;
        }
    }

    public static HashSet<string> Of(JsonElement study)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(study, string.Empty, (path, _) => paths.Add(path));
        return paths;
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    public static List<JsonElement> ParseArray(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? [.. document.RootElement.EnumerateArray().Select(e => e.Clone())]
            : throw new InvalidDataException("not a JSON array");
    }

    public static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? array.EnumerateArray() : [];

    /// <summary>The value at a dotted path of objects (no arrays on the way), if present.</summary>
    public static JsonElement? At(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    public static string NctId(JsonElement study) => At(study, "protocolSection.identificationModule.nctId")!.Value.GetString()!;
}
