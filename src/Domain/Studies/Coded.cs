using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;

namespace Clinical.Domain.Studies;

/// <summary>
/// A value of one of the registry's enumerations, spelled as the registry spells it ("ACTIVE_NOT_RECRUITING"). The registry
/// adds values over time, so an unknown spelling is kept as given (<see cref="IsKnown"/> is false) instead of being rejected.
/// </summary>
public readonly record struct Coded<TEnum>
    where TEnum : struct, Enum
{
    public Coded(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
        Value = Spellings.TryRead(raw, out var value) ? value : null;
    }

    public Coded(TEnum value)
    {
        Raw = Spellings.Spell(value);
        Value = value;
    }

    /// <summary>The text as the registry sent it.</summary>
    public string Raw { get; }

    /// <summary>The enumeration member, or null for a spelling this version does not know.</summary>
    public TEnum? Value { get; }

    public bool IsKnown => Value.HasValue;

    /// <summary>Every spelling the registry's specification lists for <typeparamref name="TEnum"/>.</summary>
    public static IReadOnlyCollection<string> KnownSpellings => Spellings.Known;

    /// <summary>Whether <paramref name="raw"/> is one of the spellings the specification lists.</summary>
    public static bool IsKnownSpelling(string raw) => Spellings.TryRead(raw, out _);

    public override string ToString() => Raw;

    private static class Spellings
    {
        // One table of int values for every enumeration, filled by a non-generic builder: per-enumeration dictionaries
        // (FrozenDictionary<string, TEnum>, <TEnum, string>) made the runtime compile the collections' code once for each
        // of the 43 enumerations at start-up, about 2,000 methods (docs/performance.md). Every enumeration here is
        // int-based (checked below), so its value is the int read back as TEnum.
        private static readonly CodeSpellings Table = CodeSpellings.Of(typeof(TEnum));

        public static IReadOnlyCollection<string> Known => Table.ByWire.Keys;

        public static bool TryRead(string raw, out TEnum value)
        {
            if (Table.ByWire.TryGetValue(raw, out var number))
            {
                value = Unsafe.As<int, TEnum>(ref number);
                return true;
            }

            value = default;
            return false;
        }

        public static string Spell(TEnum value) => Table.ByValue[Unsafe.As<TEnum, int>(ref value)];
    }
}

/// <summary>The spellings of one int-based enumeration: each member's <see cref="EnumMemberAttribute"/> value, or its name.</summary>
internal sealed class CodeSpellings
{
    private CodeSpellings(FrozenDictionary<string, int> byWire, FrozenDictionary<int, string> byValue)
    {
        ByWire = byWire;
        ByValue = byValue;
    }

    public FrozenDictionary<string, int> ByWire { get; }

    public FrozenDictionary<int, string> ByValue { get; }

    public static CodeSpellings Of(Type enumType)
    {
        if (Enum.GetUnderlyingType(enumType) != typeof(int))
        {
            throw new InvalidOperationException($"{enumType.Name}: a registry enumeration must be int-based.");
        }

        var members = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Spelling: f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name, Value: (int)f.GetRawConstantValue()!))
            .ToList();
        return new CodeSpellings(
            members.ToFrozenDictionary(m => m.Spelling, m => m.Value, StringComparer.Ordinal),
            members.ToFrozenDictionary(m => m.Value, m => m.Spelling));
    }
}
