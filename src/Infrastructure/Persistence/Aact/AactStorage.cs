namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>How the AACT layer keeps one of its tables (ADR-007).</summary>
public enum AactStorage
{
    /// <summary>A view over the native tables: every value computed at query time, current the moment a batch commits.</summary>
    View,

    /// <summary>
    /// A table holding every column of every row, refreshed for the changed studies by every import: <c>studies</c>, the
    /// target of <c>TABLESAMPLE</c> (tables only) and, through its <c>updated_at</c>, the refresh's record of which studies
    /// are current; and <c>calculated_values</c>, whose rows are small and whose cost is its aggregates (ADR-007, addendum 2).
    /// </summary>
    Table,

    /// <summary>
    /// A one-row-per-study view over the native <c>studies s</c>, inner-joined to a narrow stored table
    /// (<see cref="AactTable.StoredName"/>) that holds, for each study with a row, the columns computed from per-study
    /// aggregates of other native tables (<see cref="AactTable.StoredColumns"/>), refreshed for the changed studies by
    /// every import. The columns that only read <c>s</c> are computed by the view, so no native text is copied.
    /// </summary>
    StoredAggregates,
}
