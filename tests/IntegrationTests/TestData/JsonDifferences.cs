using System.Text.Json;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// Where two JSON values differ, compared after parsing: object keys in any order, arrays in order, strings by value,
/// numbers by their spelling ("0.0" is not "0"), true/false/null as they are. Each difference is one line with its path.
/// </summary>
internal static class JsonDifferences
{
    public static List<string> Of(JsonElement expected, JsonElement actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: {Show(expected)} became {Show(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in expected.EnumerateObject())
                {
                    names.Add(property.Name);
                    if (actual.TryGetProperty(property.Name, out var other))
                    {
                        Compare(property.Value, other, $"{path}.{property.Name}", differences);
                    }
                    else
                    {
                        differences.Add($"{path}.{property.Name}: {Show(property.Value)} is missing");
                    }
                }

                foreach (var property in actual.EnumerateObject().Where(p => !names.Contains(p.Name)))
                {
                    differences.Add($"{path}.{property.Name}: {Show(property.Value)} was not sent");
                }

                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    differences.Add($"{path}: {expected.GetArrayLength()} elements became {actual.GetArrayLength()}");
                    return;
                }

                var index = 0;
                foreach (var (left, right) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Compare(left, right, $"{path}[{index++}]", differences);
                }

                break;
            case JsonValueKind.String:
                if (expected.GetString() != actual.GetString())
                {
                    differences.Add($"{path}: {Show(expected)} became {Show(actual)}");
                }

                break;
            case JsonValueKind.Number:
                if (expected.GetRawText() != actual.GetRawText())
                {
                    differences.Add($"{path}: {expected.GetRawText()} became {actual.GetRawText()}");
                }

                break;
        }
    }

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }
}
