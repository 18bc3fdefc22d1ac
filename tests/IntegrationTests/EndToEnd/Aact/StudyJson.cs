using System.Text.Json.Nodes;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>Reads a real study's JSON the way the AACT tests compute their expected values.</summary>
internal static class StudyJson
{
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }

    public static IEnumerable<JsonNode> Items(JsonNode? node, string path) =>
        At(node, path) is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : [];

    public static string? Text(JsonNode? node, string path) => At(node, path)?.GetValue<string>();

    public static string Nct(JsonNode study) => Text(study, "protocolSection.identificationModule.nctId")!;

    public static int Count(IEnumerable<JsonNode> studies, string path) => studies.Sum(s => Items(s, path).Count());

    public static int CountWith(IEnumerable<JsonNode> studies, string path) => studies.Count(s => At(s, path) is not null);
}
