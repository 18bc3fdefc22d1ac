using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Finds the studies of a JSON input (<see cref="JsonLayout"/>) in a stream that arrives in chunks, without parsing them:
/// <see cref="Utf8JsonReader.TrySkip"/> jumps over each one, and the splitter reports where it starts and ends. It keeps
/// the reader's state between chunks, counts lines for error messages, and turns any syntax error into a
/// <see cref="StudySourceException"/> that names the byte offset, line and column.
/// </summary>
internal sealed class JsonArraySplitter(string path, JsonLayout layout = JsonLayout.Array)
{
    private static readonly JsonReaderOptions Options = new()
    {
        // The splitter only skips over studies; the deserializer enforces its own, much lower depth limit per study,
        // so a nesting bomb costs one study instead of the file.
        MaxDepth = 1_000_000,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly JsonReaderOptions SequenceOptions = Options with { AllowMultipleValues = true };

    private readonly string _path = path;
    private readonly JsonLayout _layout = layout;
    private JsonReaderState _state = new(layout == JsonLayout.Sequence ? SequenceOptions : Options);
    private readonly JsonReaderState _stateAfterElement = AfterElement(layout); // the same after every study: made once
    private bool _inStudies;
    private bool _sawRoot;
    private long _line = 1;
    private long _stateLineBase = 1; // the line at which the reader state's own line count starts
    private StudySourceException? _pendingError;
    private bool _afterElement; // a study ends at the safe point: a comma is due before the next
    private long _closeOffset; // where the ']' that closed the array stands
    private bool _ignoreRest; // data after the closing ']' that is no study: skipped to the end

    /// <summary>True once the end of the studies has been read (the array's closing bracket, the page's closing brace).</summary>
    public bool Done { get; private set; }

    /// <summary>The structural flaws met so far (doubled or missing commas, stray brackets); the caller takes them.</summary>
    public List<InputWarning> Warnings { get; } = [];

    /// <summary>The line of the next byte to split.</summary>
    public long Line => _line;

    /// <summary>Whether a study starts at the safe point, so that an oversized one can be skipped (not in a page's header).</summary>
    public bool CanSkipElement => (_layout == JsonLayout.Sequence || (_sawRoot && (_layout == JsonLayout.Array || _inStudies))) && !Done;

    /// <summary>An API page's <c>nextPageToken</c>, once read.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>
    /// Splits as many whole elements as <paramref name="data"/> holds. Returns how many bytes were consumed: the caller
    /// keeps the rest and passes it again with more data appended. A syntax error inside the array costs only the study
    /// it is in: the splitter hands that study's bytes on as an element (the parser then quarantines it) and resumes at
    /// the next study that starts a line, as every study does in the registry's download. A file that ends inside a
    /// study (truncated) has nothing to resume at: that raises a <see cref="StudySourceException"/>.
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

        if (_ignoreRest)
        {
            return data.Length;
        }

        var safe = 0;
        while (true)
        {
            try
            {
                return SplitFrom(data, safe, isFinal, found, ref safe, dataOffset);
            }
            catch (JsonException ex)
            {
                if (!_sawRoot)
                {
                    throw data[safe..].Trim(" \t\r\n"u8).IsEmpty
                        ? new StudySourceException(_path, "The file is empty: expected a JSON array of studies.", dataOffset, _line)
                        : SyntaxError(ex, data, dataOffset, safe);
                }

                if (_layout == JsonLayout.Array)
                {
                    var outcome = RecoverStructure(data, dataOffset, isFinal, ref safe);
                    if (_ignoreRest)
                    {
                        return data.Length;
                    }

                    if (outcome == JsonGapScanner.Outcome.Resume)
                    {
                        continue;
                    }

                    if (outcome == JsonGapScanner.Outcome.NeedMore)
                    {
                        return safe;
                    }
                }

                var broken = safe + data[safe..].IndexOfAnyExcept(" \t\r\n,"u8);
                var next = broken < safe || _layout == JsonLayout.Page ? -1 : data[(broken + 1)..].IndexOf("\n{"u8);
                if (next < 0)
                {
                    if (!isFinal)
                    {
                        return safe; // the next study may be in data not read yet: come back with more
                    }

                    // Nothing to resume at: hand on the studies found before the error, raise it on the next call.
                    _pendingError = SyntaxError(ex, data, dataOffset, safe);
                    if (found.Count == 0)
                    {
                        throw _pendingError;
                    }

                    return safe;
                }

                var resume = broken + 1 + next + 1;
                var end = broken + data[broken..resume].TrimEnd(" \t\r\n"u8).TrimEnd(","u8).TrimEnd(" \t\r\n"u8).Length;
                var brokenLine = _line + data[safe..broken].Count((byte)'\n');
                found.Add((broken, end - broken, brokenLine));
                _afterElement = true;
                _line += data[safe..resume].Count((byte)'\n');
                _stateLineBase = _line;
                _state = _layout == JsonLayout.Array ? InsideArray() : new JsonReaderState(SequenceOptions);
                safe = resume;
            }
        }
    }

    /// <summary>
    /// The caller stepped over one study without handing it to the splitter (it was over the size limit), and over
    /// <paramref name="lines"/> line breaks with it: go on as if that study had just been split.
    /// </summary>
    public void ElementSkipped(long lines)
    {
        SkipLines(lines);
        _sawRoot = true;
        _afterElement = true;
        _state = _stateAfterElement;
        _stateLineBase = _line;
    }

    /// <summary>The caller dropped <paramref name="lines"/> line breaks of white space before the safe point; keeps line numbers right.</summary>
    public void SkipLines(long lines)
    {
        _line += lines;
        _stateLineBase += lines;
    }

    /// <summary>
    /// After a syntax error in a top-level array: when the gap after the last study holds only structural flaws, records
    /// them and moves <paramref name="safe"/> to the next study. Data after the closing <c>]</c> that is no study is
    /// recorded once and ignored.
    /// </summary>
    private JsonGapScanner.Outcome RecoverStructure(ReadOnlySpan<byte> data, long dataOffset, bool isFinal, ref int safe)
    {
        var afterElement = _afterElement;
        var warnings = new List<InputWarning>();
        if (Done)
        {
            var next = data[safe..].IndexOfAnyExcept(" \t\r\n"u8);
            if (next < 0)
            {
                return isFinal ? JsonGapScanner.Outcome.NotStructural : JsonGapScanner.Outcome.NeedMore;
            }

            if (data[safe + next] is not ((byte)',' or (byte)'{'))
            {
                Warnings.Add(new InputWarning(InputWarning.TrailingData, dataOffset + safe + next, "data after the array's closing ']' that is no study; ignored to the end of the input"));
                _ignoreRest = true;
                return JsonGapScanner.Outcome.NotStructural;
            }

            warnings.Add(new InputWarning(InputWarning.StrayBracket, _closeOffset, "a stray ']' between two studies (the array went on); skipped"));
            afterElement = true;
        }

        var outcome = JsonGapScanner.Scan(data, safe, afterElement, isFinal, dataOffset, warnings, out var resume);
        if (outcome != JsonGapScanner.Outcome.Resume)
        {
            return outcome;
        }

        Warnings.AddRange(warnings);
        Done = false;
        _line += data[safe..resume].Count((byte)'\n');
        _stateLineBase = _line;
        _state = InsideArray();
        _afterElement = false;
        safe = resume;
        return outcome;
    }

    private int SplitFrom(ReadOnlySpan<byte> data, int from, bool isFinal, List<(int Start, int Length, long Line)> found, ref int safe, long dataOffset)
    {
    Restart:
        var reader = new Utf8JsonReader(data[from..], isFinal, _state);
        while (true)
        {
            if (!reader.Read())
            {
                break;
            }

            if (!_sawRoot)
            {
                var expected = _layout == JsonLayout.Array ? JsonTokenType.StartArray : JsonTokenType.StartObject;
                if (reader.TokenType != expected)
                {
                    var start = from + (int)reader.TokenStartIndex;
                    throw new StudySourceException(_path, RootMessage(reader.TokenType), dataOffset + start, _line + data[..start].Count((byte)'\n'));
                }

                _sawRoot = true;
                if (_layout != JsonLayout.Sequence)
                {
                    Advance(ref safe, data, from, reader);
                    continue;
                }
            }

            if (_layout == JsonLayout.Page && !_inStudies)
            {
                // Outside the studies array: the page's own properties. A property and its value are one unit, so a
                // chunk that ends between them is read again with the next one.
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    Done = true;
                    Advance(ref safe, data, from, reader);
                    continue;
                }

                var isStudies = reader.ValueTextEquals("studies"u8);
                var isToken = reader.ValueTextEquals("nextPageToken"u8);
                if (!reader.Read() || reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !isStudies && !reader.TrySkip())
                {
                    break;
                }

                if (isStudies)
                {
                    _inStudies = reader.TokenType == JsonTokenType.StartArray
                        ? true
                        : throw new StudySourceException(_path, "The page's \"studies\" is not an array.", dataOffset + from + reader.TokenStartIndex, _line);
                }
                else if (isToken && reader.TokenType == JsonTokenType.String)
                {
                    NextPageToken = reader.GetString();
                }

                Advance(ref safe, data, from, reader);
                continue;
            }

            var elementDepth = _layout switch { JsonLayout.Array => 1, JsonLayout.Page => 2, _ => 0 };
            if (reader.CurrentDepth == elementDepth - 1 && reader.TokenType == JsonTokenType.EndArray)
            {
                _closeOffset = dataOffset + from + reader.TokenStartIndex;
                Done = _layout == JsonLayout.Array;
                _inStudies = false;
                Advance(ref safe, data, from, reader);
                continue;
            }

            var elementStart = from + (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.StartObject && JsonValueSkipper.OneLineEnd(data, elementStart) is var lineEnd and > 0)
            {
                // The registry's layout: a study on a line of its own. Its end is found by counting brackets outside
                // strings, without tokenising it (the decoder reads it once, and reports a syntax error in it); the
                // reader resumes after it.
                _line += data[safe..elementStart].Count((byte)'\n');
                found.Add((elementStart, lineEnd - elementStart, _line));
                _afterElement = true;
                safe = from = lineEnd;
                _state = _stateAfterElement;
                _stateLineBase = _line;
                goto Restart;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                break;
            }

            var elementEnd = from + (int)reader.BytesConsumed;
            var elementLine = _line + data[safe..elementStart].Count((byte)'\n');
            found.Add((elementStart, elementEnd - elementStart, elementLine));
            _afterElement = true;
            Advance(ref safe, data, from, reader);
        }

        if (isFinal && !_sawRoot)
        {
            throw new StudySourceException(_path, "The file is empty: expected a JSON array of studies.", dataOffset, _line);
        }

        if (isFinal && _layout == JsonLayout.Sequence && data[safe..].Trim(" \t\r\n"u8).IsEmpty)
        {
            Done = true; // a sequence simply ends
        }

        return safe;
    }

    /// <summary>The reader's state just after a study in <paramref name="layout"/>, to resume reading at what follows it.</summary>
    private static JsonReaderState AfterElement(JsonLayout layout)
    {
        var prefix = layout switch { JsonLayout.Array => "[{}"u8, JsonLayout.Page => "{\"studies\":[{}"u8, _ => "{}"u8 };
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(layout == JsonLayout.Sequence ? SequenceOptions : Options));
        while (reader.Read())
        {
        }

        return reader.CurrentState;
    }

    /// <summary>The reader's state just inside a top-level array, to resume reading at the next study.</summary>
    private static JsonReaderState InsideArray()
    {
        var reader = new Utf8JsonReader("["u8, isFinalBlock: false, new JsonReaderState(Options));
        reader.Read();
        return reader.CurrentState;
    }

    private void Advance(ref int safe, ReadOnlySpan<byte> data, int from, in Utf8JsonReader reader)
    {
        var end = from + (int)reader.BytesConsumed;
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
        var targetLine = _stateLineBase + (ex.LineNumber ?? (line - _stateLineBase));
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

        var truncated = data.Length > 0 && offset >= dataOffset + data.Length;
        if (truncated)
        {
            reason = $"The file ends in the middle of the JSON (truncated?). {reason}";
        }

        return new StudySourceException(_path, reason, offset, line, column + 1, ex, truncated);
    }
}
