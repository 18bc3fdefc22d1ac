using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>Deserializes one study with System.Text.Json; a study of the wrong shape becomes a located error.</summary>
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
            return record is null ? StudyParseResult.Fail("The study is JSON null.", "$") : StudyParseResult.Ok(record);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return StudyParseResult.Fail(cut > 0 ? message[..cut] : message, ex.Path);
        }
        catch (InvalidOperationException ex)
        {
            return StudyParseResult.Fail($"The study's text is not valid UTF-8 JSON: {ex.Message}", null);
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
