using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Finds the elements of a top-level JSON array in a stream that arrives in chunks, without parsing the elements:
/// <see cref="Utf8JsonReader.TrySkip"/> jumps over each one, and the splitter reports where it starts and ends. It keeps
/// the reader's state between chunks, counts lines for error messages, and turns any syntax error into a
/// <see cref="StudySourceException"/> that names the byte offset, line and column.
/// </summary>
internal sealed class JsonArraySplitter(string path)
{
    private static readonly JsonReaderOptions Options = new()
    {
        // The splitter only skips over studies; the deserializer enforces its own, much lower depth limit per study,
        // so a nesting bomb costs one study instead of the file.
        MaxDepth = 1_000_000,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private readonly string _path = path;
    private JsonReaderState _state = new(Options);
    private bool _sawRoot;
    private long _line = 1;
    private StudySourceException? _pendingError;

    /// <summary>True once the closing bracket of the array has been read.</summary>
    public bool Done { get; private set; }

    /// <summary>
    /// Splits as many whole elements as <paramref name="data"/> holds. Returns how many bytes were consumed: the caller
    /// keeps the rest and passes it again with more data appended.
    /// </summary>
    /// <param name="data">Unconsumed bytes.</param>
    /// <param name="dataOffset">Absolute offset of the first byte of <paramref name="data"/> in the input.</param>
    /// <param name="isFinal">True when no more data will follow.</param>
    /// <param name="found">Receives each element as (start within data, length, line of its first byte).</param>
    public int Split(ReadOnlySpan<byte> data, long dataOffset, bool isFinal, List<(int Start, int Length, long Line)> found)
    {
        if (_pendingError is not null)
        {
            throw _pendingError;
        }

        var reader = new Utf8JsonReader(data, isFinal, _state);
        var safe = 0;
        try
        {
            while (true)
            {
                if (!reader.Read())
                {
                    break;
                }

                if (!_sawRoot)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        var start = dataOffset + reader.TokenStartIndex;
                        throw new StudySourceException(_path, RootMessage(reader.TokenType), start, _line + data[..(int)reader.TokenStartIndex].Count((byte)'\n'));
                    }

                    _sawRoot = true;
                    Advance(ref safe, data, reader);
                    continue;
                }

                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndArray)
                {
                    Done = true;
                    Advance(ref safe, data, reader);
                    continue;
                }

                var elementStart = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    break;
                }

                var elementEnd = (int)reader.BytesConsumed;
                var elementLine = _line + data[safe..elementStart].Count((byte)'\n');
                found.Add((elementStart, elementEnd - elementStart, elementLine));
                Advance(ref safe, data, reader);
            }
        }
        catch (JsonException ex)
        {
            if (!_sawRoot && data[safe..].Trim(" \t\r\n"u8).IsEmpty)
            {
                throw new StudySourceException(_path, "The file is empty: expected a JSON array of studies.", dataOffset, _line);
            }

            // Hand on the studies found before the error first; the error is raised on the next call.
            _pendingError = SyntaxError(ex, data, dataOffset, safe);
            if (found.Count == 0)
            {
                throw _pendingError;
            }
        }

        if (isFinal && !_sawRoot)
        {
            throw new StudySourceException(_path, "The file is empty: expected a JSON array of studies.", dataOffset, _line);
        }

        return safe;
    }

    private void Advance(ref int safe, ReadOnlySpan<byte> data, in Utf8JsonReader reader)
    {
        var end = (int)reader.BytesConsumed;
        _line += data[safe..end].Count((byte)'\n');
        safe = end;
        _state = reader.CurrentState;
    }

    private static string RootMessage(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "The root is a JSON object; expected a JSON array of studies (a top-level [ ... ]).",
        _ => $"The root is a JSON {token.ToString().ToLowerInvariant()}; expected a JSON array of studies (a top-level [ ... ]).",
    };

    /// <summary>Turns the reader's (line, byte in line) into an absolute byte offset by walking from the last safe point.</summary>
    private StudySourceException SyntaxError(JsonException ex, ReadOnlySpan<byte> data, long dataOffset, int safe)
    {
        var line = _line;
        var lineStart = safe;
        var targetLine = (ex.LineNumber ?? (line - 1)) + 1;
        while (line < targetLine)
        {
            var next = data[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
            line++;
        }

        var column = ex.BytePositionInLine ?? 0;
        var offset = Math.Min(dataOffset + data.Length, dataOffset + lineStart + column);
        var reason = ex.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            reason = reason[..cut];
        }

        if (data.Length > 0 && offset >= dataOffset + data.Length)
        {
            reason = $"The file ends in the middle of the JSON (truncated?). {reason}";
        }

        return new StudySourceException(_path, reason, offset, line, column + 1, ex);
    }
}
