namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// One table of AACT's ctgov schema, described once as SQL over our native tables: its grain, the FROM clause its rows
/// come from and its columns in AACT's order. The description yields the layer's DDL, the mapping in docs/aact.md and
/// the column-set tests.
/// </summary>
/// <param name="Name">AACT's table name.</param>
/// <param name="Grain">What one row is.</param>
/// <param name="From">FROM clause (and WHERE/GROUP BY) over the native tables; <c>{n}</c> stands for the native schema.</param>
/// <param name="Columns">The columns in AACT's order.</param>
public sealed record AactTable(string Name, string Grain, string From, IReadOnlyList<AactColumn> Columns)
{
    /// <summary>
    /// True for a one-row-per-study table the layer keeps as rows (refreshed for the changed studies at the end of every
    /// import) rather than as a view: <c>studies</c>, so that TABLESAMPLE (tables only) works on it, and the tables whose
    /// views compute per-study aggregates, which the measurements of ADR-007 found slow as views.
    /// </summary>
    public bool Materialized { get; init; }
}
