using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// The scalar members of a record, one call each from <see cref="StudyRecordReader"/> (the reader stands on the member's
/// name): the path is entered, the value read (or salvaged, or noted as null) and the path left. Not inlined on purpose:
/// the record readers stay a switch of calls, which the JIT compiles twice (at start, and again once hot) in about 60 % of
/// the time it took with each member's code inlined (docs/performance.md), at the cost of one call per member.
/// </summary>
internal ref partial struct StudyDecodeState
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public string? StringMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadString(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public bool? BooleanMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadBoolean(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public int? Int32Member(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadInt32(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public long? Int64Member(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadInt64(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public decimal? DecimalMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadDecimal(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public double? DoubleMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadDouble(ref reader);
        _depth--;
        return value;
    }
}
