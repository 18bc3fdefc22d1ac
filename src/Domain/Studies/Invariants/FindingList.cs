namespace Clinical.Domain.Studies.Invariants;

/// <summary>The findings of one study's checks. Allocates nothing until the first finding: most studies have none.</summary>
internal struct FindingList
{
    private List<Finding>? _items;

    /// <summary>The findings so far, or null when there are none.</summary>
    public readonly List<Finding>? Items => _items;

    public void Add(string rule, string jsonPath, string? value, string message) =>
        (_items ??= []).Add(new Finding(rule, jsonPath, value, message));
}
