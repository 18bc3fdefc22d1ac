using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// The slow path for a study the fast deserialization refused: one pass of <see cref="Utf8JsonReader"/> over the study
/// against the wire records' <see cref="WireShape"/> finds every value the record cannot hold, a value of the wrong JSON
/// type (<see cref="SalvageRules.WrongType"/>) or one it cannot represent (<see cref="SalvageRules.Unrepresentable"/>).
/// Each becomes a finding with its exact indexed JSON path and its exact raw JSON text, and is replaced by <c>null</c> in
/// a copy of the study, which the deserializer then reads. An element of a list is replaced by an empty element instead
/// (<c>{}</c> or <c>""</c>: the mapping needs every element), so the list keeps its length and every other element its
/// position, which is its key; so is a <c>null</c> element of a list of objects or texts (the deserializer takes it, the
/// mapping could not). Good studies never come here.
/// </summary>
internal static class StudyRecordSalvage
{
    private const string Kept = " Stored as null; the value as sent is kept in this finding.";
    private const string KeptInList = " Stored as an empty element, so that the others keep their positions; the value as sent is kept in this finding.";
    private static readonly byte[] Null = "null"u8.ToArray();
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private static readonly byte[] EmptyString = "\"\""u8.ToArray();
    private static readonly Lazy<WireShape> Root = new(() => WireShape.Of(StudyJsonContext.Default, typeof(StudyRecord)));

    /// <summary>
    /// The study's text with every value the record cannot hold replaced by null, and a finding per value; null when
    /// there is nothing to salvage this way: a syntax error, invalid UTF-8 inside an offending value, or no offending value.
    /// </summary>
    public static (byte[] Utf8, List<Finding> Findings)? TrySalvage(ReadOnlySpan<byte> utf8)
    {
        var findings = new List<Finding>();
        var spans = new List<(int Start, int End, byte[] Replacement)>();
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || !Walk(ref reader, utf8, Root.Value, false, [], spans, findings))
            {
                return null;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return findings.Count == 0 ? null : (Replace(utf8, spans), findings);
    }

    /// <summary>The core of a finding's message (what was expected, what was found), without the note on what was kept.</summary>
    public static string Reason(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var message = finding.Message;
        return message.EndsWith(Kept, StringComparison.Ordinal) ? message[..^Kept.Length]
            : message.EndsWith(KeptInList, StringComparison.Ordinal) ? message[..^KeptInList.Length]
            : message;
    }

    /// <summary>Checks the value the reader stands on; false when an offending value is not valid UTF-8 (not salvageable).</summary>
    private static bool Walk(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, WireShape shape, bool isElement, List<string> path, List<(int, int, byte[])> spans, List<Finding> findings)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            // null is an absent value, except as an element of a list of objects or texts, which the mapping cannot take.
            return !isElement || shape.Kind is not (WireKind.Object or WireKind.String)
                || Record(ref reader, utf8, (SalvageRules.WrongType, $"Expected {Expected(shape.Kind)} in the list, found null."), Replacement(shape.Kind, true), path, spans, findings);
        }

        switch (shape.Kind)
        {
            case WireKind.Object when token == JsonTokenType.StartObject:
                return WalkObject(ref reader, utf8, shape, path, spans, findings);
            case WireKind.Array when token == JsonTokenType.StartArray:
                return WalkArray(ref reader, utf8, shape.Element!, path, spans, findings);
            default:
                return Check(ref reader, shape.Kind, token) is not { } offense || Record(ref reader, utf8, offense, Replacement(shape.Kind, isElement), path, spans, findings);
        }
    }

    /// <summary>Walks an object's known members (unknown ones are skipped, as the deserializer does).</summary>
    private static bool WalkObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, WireShape shape, List<string> path, List<(int, int, byte[])> spans, List<Finding> findings)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!shape.Members.TryGetValue(name, out var member))
            {
                reader.Skip();
                continue;
            }

            path.Add(name);
            var salvageable = Walk(ref reader, utf8, member, false, path, spans, findings);
            path.RemoveAt(path.Count - 1);
            if (!salvageable)
            {
                return false;
            }
        }

        return true;
    }

    private static bool WalkArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, WireShape element, List<string> path, List<(int, int, byte[])> spans, List<Finding> findings)
    {
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            path.Add($"[{index}]");
            var salvageable = Walk(ref reader, utf8, element, true, path, spans, findings);
            path.RemoveAt(path.Count - 1);
            if (!salvageable)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why a scalar place cannot hold the value the reader stands on (an object or array place: the wrong type); null: it can.</summary>
    private static (string Rule, string Message)? Check(ref Utf8JsonReader reader, WireKind kind, JsonTokenType token) => kind switch
    {
        WireKind.String when token == JsonTokenType.String =>
            IsText(ref reader) ? null : (SalvageRules.Unrepresentable, "The string holds an unpaired UTF-16 surrogate, which text cannot store."),
        WireKind.Boolean when token is JsonTokenType.True or JsonTokenType.False => null,
        WireKind.Int32 when token == JsonTokenType.Number =>
            reader.TryGetInt32(out _) ? null : (SalvageRules.Unrepresentable, "The number is not a whole number within 32 bits."),
        WireKind.Int64 when token == JsonTokenType.Number =>
            reader.TryGetInt64(out _) ? null : (SalvageRules.Unrepresentable, "The number is not a whole number within 64 bits."),
        WireKind.Double when token == JsonTokenType.Number =>
            reader.TryGetDouble(out var number) && double.IsFinite(number) ? null : (SalvageRules.Unrepresentable, "The number is beyond the range of a double."),
        WireKind.Decimal when token == JsonTokenType.Number =>
            reader.TryGetDecimal(out _) ? null : (SalvageRules.Unrepresentable, "The number is beyond the range of a decimal (about ±7.9e28)."),
        _ => (SalvageRules.WrongType, $"Expected {Expected(kind)}, found {Found(token)}."),
    };

    /// <summary>What an offending value becomes: null, or for a list element the empty element the mapping can take.</summary>
    private static byte[] Replacement(WireKind kind, bool isElement) => !isElement ? Null : kind switch
    {
        WireKind.Object => EmptyObject,
        WireKind.String => EmptyString,
        _ => Null,
    };

    /// <summary>Notes the offending value (skipping past it) as a span to replace and a finding; false when it is not valid UTF-8.</summary>
    private static bool Record(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, (string Rule, string Message) offense, byte[] replacement, List<string> path, List<(int, int, byte[])> spans, List<Finding> findings)
    {
        var start = checked((int)reader.TokenStartIndex);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        var raw = utf8[start..checked((int)reader.BytesConsumed)];
        if (!Utf8.IsValid(raw))
        {
            return false;
        }

        spans.Add((start, start + raw.Length, replacement));
        findings.Add(new Finding(offense.Rule, Format(path), Encoding.UTF8.GetString(raw), offense.Message + (replacement == Null ? Kept : KeptInList)));
        return true;
    }

    /// <summary>Whether the string token reads as text (false: an unpaired surrogate escape, or invalid UTF-8).</summary>
    private static bool IsText(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>"protocolSection.conditionsModule.conditions[2]": names joined by dots, indices in brackets.</summary>
    private static string Format(List<string> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (text.Length > 0 && segment[0] != '[')
            {
                text.Append('.');
            }

            text.Append(segment);
        }

        return text.ToString();
    }

    private static byte[] Replace(ReadOnlySpan<byte> utf8, List<(int Start, int End, byte[] Replacement)> spans)
    {
        var length = utf8.Length;
        foreach (var (start, end, replacement) in spans)
        {
            length += replacement.Length - (end - start);
        }

        var output = new byte[length];
        int from = 0, to = 0;
        foreach (var (start, end, replacement) in spans)
        {
            utf8[from..start].CopyTo(output.AsSpan(to));
            to += start - from;
            replacement.CopyTo(output, to);
            to += replacement.Length;
            from = end;
        }

        utf8[from..].CopyTo(output.AsSpan(to));
        return output;
    }

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
}
