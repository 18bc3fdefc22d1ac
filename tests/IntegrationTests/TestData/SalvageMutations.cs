using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// Breaks values of a real study so that the loader must salvage them: each replacement has a JSON type the value's
/// place cannot hold (a string for a number, an object for a string, an array for a scalar…) or a number no place can
/// represent (1e400). The NCT number and the objects on its path are never touched, so the study stays loadable.
/// </summary>
internal static class SalvageMutations
{
    private static readonly string[] NctIdPath = ["protocolSection", "identificationModule", "nctId"];

    /// <summary>Replaces one value of <paramref name="study"/>, chosen at random, by one of a type its place cannot hold.</summary>
    public static void BreakOneValue(JsonNode study, Random random)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(random);
        var candidates = new List<(JsonNode Parent, object Key, JsonNode Node)>();
        Collect(study, [], candidates);
        var (parent, key, node) = candidates[random.Next(candidates.Count)];
        var replacements = node.GetValueKind() switch
        {
            JsonValueKind.String => ["7", "{\"x\":1}", "[1,\"two\"]", "true"],
            JsonValueKind.Number => ["\"many\"", "{\"x\":1}", "1e400"],
            JsonValueKind.True or JsonValueKind.False => ["\"yes\"", "1"],
            JsonValueKind.Object => ["\"wrong type\"", "[1]", "5"],
            _ => new[] { "\"Asthma\"", "{\"x\":1}", "5" },
        };
        var replacement = JsonNode.Parse(replacements[random.Next(replacements.Length)]);
        if (parent is JsonObject obj)
        {
            obj[(string)key] = replacement;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = replacement;
        }
    }

    private static void Collect(JsonNode node, List<string> path, List<(JsonNode, object, JsonNode)> candidates)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                path.Add(name);
                if (child is not null)
                {
                    if (!IsOnNctIdPath(path))
                    {
                        candidates.Add((obj, name, child));
                    }

                    Collect(child, path, candidates);
                }

                path.RemoveAt(path.Count - 1);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child)
                {
                    candidates.Add((array, i, child));
                    path.Add("[]");
                    Collect(child, path, candidates);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }

    private static bool IsOnNctIdPath(List<string> path) =>
        path.Count <= NctIdPath.Length && path.SequenceEqual(NctIdPath.Take(path.Count), StringComparer.Ordinal);
}
