using System.Text.Json;

namespace Clinical.Infrastructure.Json;

/// <summary>Tells a JSON input's <see cref="JsonLayout"/> from its first bytes.</summary>
internal static class JsonLayoutDetector
{
    /// <summary>Which layout a file has, from its first bytes (after a byte order mark and white space).</summary>
    public static JsonLayout Detect(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return JsonLayout.Array; // '[' — and anything else gets the array reader's precise error
        }

        var reader = new Utf8JsonReader(text, isFinalBlock: false, new JsonReaderState());
        try
        {
            return reader.Read() && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("studies"u8)
                ? JsonLayout.Page
                : JsonLayout.Sequence;
        }
        catch (JsonException)
        {
            return JsonLayout.Sequence;
        }
    }
}
