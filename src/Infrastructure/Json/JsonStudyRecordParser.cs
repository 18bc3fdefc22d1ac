using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Deserializes one study with System.Text.Json. A study the fast path refuses gets one salvage pass
/// (<see cref="StudyRecordSalvage"/>): each value of the wrong JSON type, or one that cannot be represented, is stored as
/// null with a finding. Only what cannot be salvaged that way (a syntax error, a root that is not an object, an NCT number
/// that is not a string) becomes a located error.
/// </summary>
public sealed class JsonStudyRecordParser : IStudyRecordParser
{
    public StudyParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var first = utf8.TrimStart(" \t\r\n"u8);
        if (first.IsEmpty || first[0] != (byte)'{')
        {
            return StudyParseResult.Fail($"A study must be a JSON object; found {Describe(first)}.", "$");
        }

        try
        {
            var record = JsonSerializer.Deserialize(utf8, StudyJsonContext.Default.StudyRecord);
            if (record is null)
            {
                return StudyParseResult.Fail("The study is JSON null.", "$");
            }

            // The deserializer takes a null element in a list ("locations":[null]), which the mapping cannot: such a study
            // (which the registry never sends) gets the salvage pass too. Words that hold "null" (nulliparous, annulled)
            // do not.
            return HoldsNullElement(utf8) ? Salvage(utf8, StudyParseResult.Ok(record)) : StudyParseResult.Ok(record);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return Salvage(utf8, StudyParseResult.Fail(cut > 0 ? message[..cut] : message, ex.Path));
        }
        catch (InvalidOperationException ex)
        {
            return StudyParseResult.Fail($"The study's text is not valid UTF-8 JSON: {ex.Message}", null);
        }
    }

    /// <summary>
    /// Whether the text holds a <c>null</c> that stands as a list element: after '[' or ',' (white space aside) and before
    /// ',' or ']' (white space aside). Inside a string only a text such as "a, null ]" looks like one, and costs no more
    /// than a salvage pass that finds nothing.
    /// </summary>
    public static bool HoldsNullElement(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (utf8[offset..].IndexOf("null"u8) is var at and >= 0)
        {
            var start = offset + at;
            var before = utf8[..start].TrimEnd(" \t\r\n"u8);
            var after = utf8[(start + 4)..].TrimStart(" \t\r\n"u8);
            if (before.Length > 0 && before[^1] is (byte)'[' or (byte)',' && after.Length > 0 && after[0] is (byte)',' or (byte)']')
            {
                return true;
            }

            offset = start + 4;
        }

        return false;
    }

    /// <summary>The study read with its offending values nulled, or <paramref name="failure"/> (the fast path's result) when there are none or salvage is not possible.</summary>
    private static StudyParseResult Salvage(ReadOnlySpan<byte> utf8, StudyParseResult failure)
    {
        if (StudyRecordSalvage.TrySalvage(utf8) is not { } salvage)
        {
            return failure;
        }

        var (salvaged, findings) = salvage;
        foreach (var finding in findings)
        {
            var path = finding.JsonPath;
            if (StudyRecordValidator.NctIdPath == path || StudyRecordValidator.NctIdPath.StartsWith(path + ".", StringComparison.Ordinal))
            {
                return StudyParseResult.Fail($"The study has no NCT number: {path}: {StudyRecordSalvage.Reason(finding)}", path);
            }
        }

        try
        {
            return JsonSerializer.Deserialize(salvaged, StudyJsonContext.Default.StudyRecord) is { } record
                ? StudyParseResult.Salvage(record, findings, salvaged)
                : failure;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return failure;
        }
    }

    private static string Describe(ReadOnlySpan<byte> json) => json.IsEmpty ? "nothing" : json[0] switch
    {
        (byte)'[' => "an array",
        (byte)'"' => "a string",
        (byte)'n' => "null",
        (byte)'t' or (byte)'f' => "a boolean",
        _ => "a number",
    };
}
