namespace Clinical.Application.Studies.Import;

/// <summary>
/// The finding rules of a salvaged field: a value the wire record cannot hold, stored as null while the study loads.
/// Such a finding's <c>json_path</c> is the value's exact indexed path and its <c>value</c> is the value's exact raw JSON
/// text, so the field can be put back from the finding.
/// </summary>
public static class SalvageRules
{
    /// <summary>The value has the wrong JSON type (a string where a number, object or array belongs, and so on).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>The value has the right JSON type but cannot be represented (a number out of range, an unpaired surrogate).</summary>
    public const string Unrepresentable = "unrepresentable";
}
