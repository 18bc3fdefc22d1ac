namespace Clinical.Application.Studies.Export;

/// <summary>Which stored studies to export: all, or those named, or those a predicate on the studies table selects, or both.</summary>
/// <param name="NctIds">NCT numbers (empty: no restriction).</param>
/// <param name="Where">A SQL predicate on the studies table (alias <c>s</c>), as after WHERE in psql; null: no restriction.</param>
/// <param name="IncludeDeleted">Also studies a --full import marked deleted (absent from the registry).</param>
/// <param name="AsOf">The studies as they stood on this day (kept versions for those changed since; see docs/history.md); null: as stored now.</param>
public sealed record ExportSelection(IReadOnlyList<string> NctIds, string? Where, bool IncludeDeleted, DateOnly? AsOf = null)
{
    public static ExportSelection All { get; } = new([], null, false);
}
