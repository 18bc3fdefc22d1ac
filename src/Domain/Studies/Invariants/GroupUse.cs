namespace Clinical.Domain.Studies.Invariants;

/// <summary>What a reference to a group (or any listed key) turned out to be.</summary>
internal enum GroupUse
{
    /// <summary>Declared, and the first use in the current list.</summary>
    First,

    /// <summary>Declared, but the current list already used it.</summary>
    Repeated,

    /// <summary>No entry of the declaring list has this key.</summary>
    Undeclared,
}
