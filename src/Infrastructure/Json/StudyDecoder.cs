using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Reads a study in one pass of <see cref="Utf8JsonReader"/> (the generated <see cref="StudyRecordReader"/>): the wire
/// record, and on the way each value the record cannot hold (a value of the wrong JSON type, or one it cannot represent,
/// stored as null with a finding), the paths the schema lacks, the shape no column holds and any U+0000. Only what cannot
/// be salvaged that way (a syntax error, a root that is not an object, an NCT number that is not a string, a value that is
/// not valid UTF-8) becomes a located error.
/// </summary>
public sealed class StudyDecoder : IStudyDecoder
{
    /// <summary>As deep as System.Text.Json deserializes by default: a nesting bomb costs its own study, not the run.</summary>
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public DecodedStudy Decode(ReadOnlySpan<byte> utf8)
    {
        var first = utf8.TrimStart(" \t\r\n"u8);
        if (first.IsEmpty || first[0] != (byte)'{')
        {
            return DecodedStudy.Fail($"A study must be a JSON object; found {Describe(first)}.", "$");
        }

        var state = new StudyDecodeState(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            reader.Read();
            var record = StudyRecordReader.Read(ref reader, ref state);
            if (reader.Read())
            {
                // Not reached: the reader refuses anything but white space after the study's closing brace.
                return DecodedStudy.Fail("The study is followed by more JSON.", "$");
            }

            return NctIdUnreadable(state.Salvaged) is { } failure ? failure : state.Finish(record);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var path = state.CurrentPath();
            return DecodedStudy.Fail(cut > 0 ? message[..cut] : message, path.Length == 0 ? "$" : "$." + path);
        }
        catch (StudyDecodeException ex)
        {
            return DecodedStudy.Fail(ex.Message, ex.JsonPath);
        }
    }

    /// <summary>A failure when a salvaged value is the NCT number or holds it: a study without one cannot be keyed.</summary>
    private static DecodedStudy? NctIdUnreadable(IReadOnlyList<Clinical.Domain.Studies.Finding>? salvaged)
    {
        foreach (var finding in salvaged ?? [])
        {
            var path = finding.JsonPath;
            if (StudyRecordValidator.NctIdPath == path || StudyRecordValidator.NctIdPath.StartsWith(path + ".", StringComparison.Ordinal))
            {
                return DecodedStudy.Fail($"The study has no NCT number: {path}: {StudyDecodeState.Reason(finding)}", path);
            }
        }

        return null;
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
