using System.Diagnostics.CodeAnalysis;
using Clinical.Domain.Common;

namespace Clinical.Domain.Studies;

/// <summary>A ClinicalTrials.gov identifier: "NCT" followed by exactly eight digits.</summary>
public readonly record struct NctId
{
    private NctId(string value) => Value = value;

    public string Value { get; }

    public static NctId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new DomainException($"'{value}' is not an NCT number (NCT + 8 digits).");

    public static bool TryParse([NotNullWhen(true)] string? value, out NctId id)
    {
        id = default;
        if (value is null || !IsValid(value))
        {
            return false;
        }

        id = new NctId(value);
        return true;
    }

    public static bool IsValid(ReadOnlySpan<char> value)
    {
        if (value.Length != 11 || !value.StartsWith("NCT", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value[3..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Value;
}
