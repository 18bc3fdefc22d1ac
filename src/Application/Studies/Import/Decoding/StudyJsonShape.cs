using System.Buffers;
using System.Text.Json;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// What a study's JSON says that no column can hold, so that an export gives the record back as it was sent: empty objects,
/// empty arrays and explicit nulls by JSON path with array indices (a column holds a value or nothing, and nothing is
/// also what an absent key leaves), and ignored keys whose value was a verbatim copy of another path (so the copy is not
/// stored twice). Null for most studies: found by the one pass that reads the study (<see cref="IStudyDecoder"/>).
/// </summary>
public sealed class StudyJsonShape
{
    public const string EmptyObject = "{}";
    public const string EmptyArray = "[]";
    public const string Null = "null";

    private readonly List<(string Path, string Literal)> _empty = [];
    private readonly List<(string Path, string Source)> _copies = [];

    /// <summary>Paths that held <c>{}</c>, <c>[]</c> or <c>null</c>, with that literal.</summary>
    public IReadOnlyList<(string Path, string Literal)> Empty => _empty;

    /// <summary>Paths not stored because they held a verbatim copy of the value at <c>Source</c>.</summary>
    public IReadOnlyList<(string Path, string Source)> Copies => _copies;

    public void AddEmpty(string path, string literal) => _empty.Add((path, literal));

    public void AddCopy(string path, string source) => _copies.Add((path, source));

    /// <summary>The shape as compact JSON: <c>{"empty":{"path":{},…},"copies":{"path":"source path",…}}</c>.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (_empty.Count > 0)
            {
                writer.WriteStartObject("empty");
                foreach (var (path, literal) in _empty)
                {
                    writer.WritePropertyName(path);
                    writer.WriteRawValue(literal, skipInputValidation: true);
                }

                writer.WriteEndObject();
            }

            if (_copies.Count > 0)
            {
                writer.WriteStartObject("copies");
                foreach (var (path, source) in _copies)
                {
                    writer.WriteString(path, source);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
