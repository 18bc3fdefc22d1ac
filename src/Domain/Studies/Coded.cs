using System.Collections.Frozen;
using System.Reflection;
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
        Value = Spellings.ByWire.TryGetValue(raw, out var value) ? value : null;
    }

    public Coded(TEnum value)
    {
        Raw = Spellings.ByValue[value];
        Value = value;
    }

    /// <summary>The text as the registry sent it.</summary>
    public string Raw { get; }

    /// <summary>The enumeration member, or null for a spelling this version does not know.</summary>
    public TEnum? Value { get; }

    public bool IsKnown => Value.HasValue;

    /// <summary>Every spelling the registry's specification lists for <typeparamref name="TEnum"/>.</summary>
    public static IReadOnlyCollection<string> KnownSpellings => Spellings.ByWire.Keys;

    /// <summary>Whether <paramref name="raw"/> is one of the spellings the specification lists.</summary>
    public static bool IsKnownSpelling(string raw) => Spellings.ByWire.ContainsKey(raw);

    public override string ToString() => Raw;

    private static class Spellings
    {
        public static readonly FrozenDictionary<string, TEnum> ByWire = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name, f => (TEnum)f.GetValue(null)!, StringComparer.Ordinal);

        public static readonly FrozenDictionary<TEnum, string> ByValue = ByWire.ToFrozenDictionary(p => p.Value, p => p.Key);
    }
}
