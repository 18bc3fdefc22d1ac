using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// The scalar values of a record. A member is one call from <see cref="StudyRecordReader"/> (the reader stands on the
/// member's name): the path is entered, the value read (or salvaged, or noted as null: <c>ReadString</c> and its siblings
/// below) and the path left. Not inlined on purpose:
/// the record readers stay a switch of calls, which the JIT compiles in about 60 % of the time it took with each member's
/// code inlined (docs/performance.md), at the cost of one call per member. Compiled optimized at first call, as the
/// readers are (<see cref="StudyRecordReader"/>).
/// </summary>
internal ref partial struct StudyDecodeState
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public string? StringMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadString(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public bool? BooleanMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadBoolean(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public int? Int32Member(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadInt32(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public long? Int64Member(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadInt64(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public decimal? DecimalMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadDecimal(ref reader);
        _depth--;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public double? DoubleMember(ref Utf8JsonReader reader, string name)
    {
        Enter(name, -1);
        reader.Read();
        var value = ReadDouble(ref reader);
        _depth--;
        return value;
    }

    public string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => TextOf(ref reader, false),
        JsonTokenType.Null => Null(),
        _ => Salvage<string>(ref reader, WireKind.String, false),
    };

    /// <summary>An element of a list of texts: never null (the mapping needs every element).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string ReadStringElement(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return TextOf(ref reader, true) ?? string.Empty;
        }

        MisfitElement(ref reader, WireKind.String);
        return string.Empty;
    }

    public bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => NullOf<bool>(),
        _ => SalvageValue<bool>(ref reader, WireKind.Boolean),
    };

    public int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
        JsonTokenType.Null => NullOf<int>(),
        _ => SalvageValue<int>(ref reader, WireKind.Int32),
    };

    public long? ReadInt64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var number) => number,
        JsonTokenType.Null => NullOf<long>(),
        _ => SalvageValue<long>(ref reader, WireKind.Int64),
    };

    public decimal? ReadDecimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDecimal(out var number) => number,
        JsonTokenType.Null => NullOf<decimal>(),
        _ => SalvageValue<decimal>(ref reader, WireKind.Decimal),
    };

    public double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number) => number,
        JsonTokenType.Null => NullOf<double>(),
        _ => SalvageValue<double>(ref reader, WireKind.Double),
    };
}
