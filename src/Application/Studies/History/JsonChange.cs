using System.Text.Json;

namespace Clinical.Application.Studies.History;

/// <summary>
/// One difference between two versions of a study: the JSON path (<c>protocolSection.statusModule.overallStatus</c>,
/// <c>…locations[3]</c>) and the value before and after; null where the path is absent on that side.
/// </summary>
public sealed record JsonChange(string Path, JsonElement? Old, JsonElement? New)
{
    private const int MaxShown = 120;

    /// <summary>The change as one line: <c>path: old → new</c>, text without quotes, objects and arrays as compact JSON (shortened).</summary>
    public override string ToString() => $"{Path}: {Show(Old)} → {Show(New)}";

    private static string Show(JsonElement? value)
    {
        if (value is not { } element)
        {
            return "(absent)";
        }

        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        return text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown - 1), "…");
    }
}
