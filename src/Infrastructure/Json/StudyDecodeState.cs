using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// What the generated <see cref="StudyRecordReader"/> notes while it reads one study: the JSON path it stands at, the
/// values the record cannot hold (each stored as null, or as an empty element in a list, with a finding that keeps its
/// exact path and raw text), the shape no column holds (empty objects and arrays, nulls, verbatim copies under ignored
/// keys), the paths the schema lacks, and whether the text held U+0000. It allocates only for what it notes.
/// </summary>
internal ref partial struct StudyDecodeState
{
    private const string Kept = " Stored as null; the value as sent is kept in this finding.";
    private const string KeptInList = " Stored as an empty element, so that the others keep their positions; the value as sent is kept in this finding.";

    private readonly ReadOnlySpan<byte> _utf8;
    private string?[] _names = new string?[16];
    private int[] _indices = new int[16];
    private int _depth;
    private byte[]? _scratch;
    private List<Finding>? _salvaged;
    private List<string>? _unknown;
    private StudyJsonShape? _shape;
    private List<(string Path, string Source, long Start, long End)>? _copies;
    private List<(string Path, long Start, long End)>? _copySources;

    public StudyDecodeState(ReadOnlySpan<byte> utf8)
    {
        _utf8 = utf8;
    }

    public bool HoldsNul { get; private set; }

    /// <summary>The core of a salvage finding's message (what was expected, what was found), without the note on what was kept.</summary>
    public static string Reason(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var message = finding.Message;
        return message.EndsWith(Kept, StringComparison.Ordinal) ? message[..^Kept.Length]
            : message.EndsWith(KeptInList, StringComparison.Ordinal) ? message[..^KeptInList.Length]
            : message;
    }

    public void Push(string name) => Enter(name, -1);

    public void PushIndex(int index) => Enter(null, index);

    public void Pop() => _depth--;

    /// <summary>The member name the reader stands on, unescaped when it had escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> NameOf(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        _scratch ??= new byte[256];
        if (_scratch.Length < reader.ValueSpan.Length)
        {
            _scratch = new byte[reader.ValueSpan.Length];
        }

        var length = reader.CopyString(_scratch);
        var name = _scratch.AsSpan(0, length);
        HoldsNul |= name.Contains((byte)0);
        return name;
    }

    /// <summary>An object or list member whose value is not an object or list: null as sent, or a salvaged value.</summary>
    public T? Misfit<T>(ref Utf8JsonReader reader, WireKind kind)
        where T : class => reader.TokenType == JsonTokenType.Null ? Null<T>() : Salvage<T>(ref reader, kind, false);

    /// <summary>
    /// An element of a list of objects or texts that is not one (null included, which the mapping cannot take): noted as
    /// salvaged; the caller puts an empty element in its place.
    /// </summary>
    public void MisfitElement(ref Utf8JsonReader reader, WireKind kind)
    {
        var offense = reader.TokenType == JsonTokenType.Null
            ? (SalvageRules.WrongType, $"Expected {Expected(kind)} in the list, found null.")
            : (SalvageRules.WrongType, $"Expected {Expected(kind)}, found {Found(reader.TokenType)}.");
        Record(ref reader, offense, true);
        if (kind == WireKind.Object)
        {
            AddEmpty(StudyJsonShape.EmptyObject); // the empty element stands where the value was
        }
    }

    /// <summary>Notes an empty object or list, or a null, at the current path.</summary>
    public void AddEmpty(string literal) => (_shape ??= new()).AddEmpty(CurrentPath(), literal);

    /// <summary>Notes where a copy source's value stands (<see cref="StudyTables.CopiedPaths"/>).</summary>
    public void AddCopySource(string path, long start, long end) => (_copySources ??= []).Add((path, start, end));

    /// <summary>
    /// A member the record has no property for: a path the schema ignores (an ignored copy is kept in view, to compare with
    /// its source), or one it lacks (drift). Its value is skipped.
    /// </summary>
    public void SkipUnmatched(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> name)
    {
        var text = Encoding.UTF8.GetString(name);
        var path = UnindexedPath(text);
        if (StudyTables.IgnoredPaths.ContainsKey(path))
        {
            reader.Read();
            var start = reader.TokenStartIndex;
            reader.Skip();
            if (StudyTables.CopiedPaths.TryGetValue(path, out var source))
            {
                (_copies ??= []).Add((Join(CurrentPath(), text), source, start, reader.BytesConsumed));
            }

            HoldsNul |= HasEscapedNul(_utf8[(int)start..(int)reader.BytesConsumed]);
            return;
        }

        if (_unknown is null || !_unknown.Contains(path))
        {
            (_unknown ??= []).Add(path);
        }

        reader.Read();
        var from = reader.TokenStartIndex;
        reader.Skip();
        HoldsNul |= HasEscapedNul(_utf8[(int)from..(int)reader.BytesConsumed]);
    }

    /// <summary>The decoded study: the record with what was noted on the way.</summary>
    public DecodedStudy Finish(StudyRecord record)
    {
        List<string>? differing = null;
        foreach (var (path, source, start, end) in _copies ?? [])
        {
            var copy = _utf8[(int)start..(int)end];
            var original = _copySources?.Find(s => s.Path == source);
            if (original is { } o && _utf8[(int)o.Start..(int)o.End].SequenceEqual(copy))
            {
                (_shape ??= new()).AddCopy(path, source);
            }
            else
            {
                (differing ??= []).Add(path);
            }
        }

        return new DecodedStudy(record, null, null, _salvaged, _unknown, _shape, differing, HoldsNul);
    }

    /// <summary>The salvage findings so far.</summary>
    public readonly IReadOnlyList<Finding>? Salvaged => _salvaged;

    /// <summary>The indexed path of the value the reader stands on: "a.list[2].b"; "$"-less, empty at the root.</summary>
    public readonly string CurrentPath()
    {
        var path = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } name)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
            }
            else
            {
                path.Append('[').Append(_indices[i]).Append(']');
            }
        }

        return path.ToString();
    }

    /// <summary>True when the JSON text holds the escape \u0000 itself, not an escaped backslash followed by "u0000".</summary>
    private static bool HasEscapedNul(ReadOnlySpan<byte> utf8)
    {
        var escape = "\\u0000"u8;
        var offset = 0;
        while (utf8[offset..].IndexOf(escape) is var at and >= 0)
        {
            var backslashes = 0;
            for (var i = offset + at - 1; i >= 0 && utf8[i] == (byte)'\\'; i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }

            offset += at + escape.Length;
        }

        return false;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Expected(WireKind kind) => kind switch
    {
        WireKind.Object => "an object",
        WireKind.Array => "an array",
        WireKind.String => "a string",
        WireKind.Boolean => "true or false",
        WireKind.Int32 or WireKind.Int64 => "a whole number",
        _ => "a number",
    };

    private static string Found(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => "a boolean",
    };

    /// <summary>Why a place of <paramref name="kind"/> cannot hold the value the reader stands on (its type is right only for an unrepresentable number).</summary>
    private static (string Rule, string Message) Offense(ref Utf8JsonReader reader, WireKind kind) => (kind, reader.TokenType) switch
    {
        (WireKind.Int32, JsonTokenType.Number) => (SalvageRules.Unrepresentable, "The number is not a whole number within 32 bits."),
        (WireKind.Int64, JsonTokenType.Number) => (SalvageRules.Unrepresentable, "The number is not a whole number within 64 bits."),
        (WireKind.Double, JsonTokenType.Number) => (SalvageRules.Unrepresentable, "The number is beyond the range of a double."),
        (WireKind.Decimal, JsonTokenType.Number) => (SalvageRules.Unrepresentable, "The number is beyond the range of a decimal (about ±7.9e28)."),
        _ => (SalvageRules.WrongType, $"Expected {Expected(kind)}, found {Found(reader.TokenType)}."),
    };

    private void Enter(string? name, int index)
    {
        if (_depth == _names.Length)
        {
            Array.Resize(ref _names, _depth * 2);
            Array.Resize(ref _indices, _depth * 2);
        }

        _names[_depth] = name;
        _indices[_depth++] = index;
    }

    /// <summary>The path without indices, with <paramref name="name"/> appended: "a.list.b", as the schema names paths.</summary>
    private readonly string UnindexedPath(string name)
    {
        var path = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } segment)
            {
                path.Append(segment).Append('.');
            }
        }

        return path.Append(name).ToString();
    }

    /// <summary>The text of the string the reader stands on; one that cannot be text (an unpaired surrogate escape) is salvaged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? TextOf(ref Utf8JsonReader reader, bool isElement)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            Record(ref reader, (SalvageRules.Unrepresentable, "The string holds an unpaired UTF-16 surrogate, which text cannot store."), isElement);
            if (!isElement)
            {
                AddEmpty(StudyJsonShape.Null);
            }

            return null;
        }

        // Only an escape can put U+0000 in a JSON text. PostgreSQL text cannot hold it and the registry never means it: it is
        // dropped here, where it is found, so that no later step scans every text for it again.
        if (reader.ValueIsEscaped && text.Contains('\0', StringComparison.Ordinal))
        {
            HoldsNul = true;
            return text.Replace("\0", string.Empty, StringComparison.Ordinal);
        }

        return text;
    }

    private string? Null()
    {
        AddEmpty(StudyJsonShape.Null);
        return null;
    }

    private T? Null<T>()
        where T : class
    {
        AddEmpty(StudyJsonShape.Null);
        return null;
    }

    private T? NullOf<T>()
        where T : struct
    {
        AddEmpty(StudyJsonShape.Null);
        return null;
    }

    /// <summary>A member's value of the wrong type: noted, stored as null (which the shape then records, as it stands in the record).</summary>
    private T? Salvage<T>(ref Utf8JsonReader reader, WireKind kind, bool isElement)
        where T : class
    {
        Record(ref reader, Offense(ref reader, kind), isElement);
        AddEmpty(StudyJsonShape.Null);
        return null;
    }

    private T? SalvageValue<T>(ref Utf8JsonReader reader, WireKind kind)
        where T : struct
    {
        Record(ref reader, Offense(ref reader, kind), false);
        AddEmpty(StudyJsonShape.Null);
        return null;
    }

    /// <summary>Notes the offending value (skipping past it) as a finding with its raw text.</summary>
    private void Record(ref Utf8JsonReader reader, (string Rule, string Message) offense, bool isElement)
    {
        var start = checked((int)reader.TokenStartIndex);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        var raw = _utf8[start..checked((int)reader.BytesConsumed)];
        if (!Utf8.IsValid(raw))
        {
            throw new StudyDecodeException("The study's text is not valid UTF-8: a value at this path holds bytes that are not.", CurrentPath());
        }

        (_salvaged ??= []).Add(new Finding(offense.Rule, CurrentPath(), Encoding.UTF8.GetString(raw), offense.Message + (isElement ? KeptInList : Kept)));
    }
}
