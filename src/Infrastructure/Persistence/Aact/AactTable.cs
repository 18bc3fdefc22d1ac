using System.Text.RegularExpressions;

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
public sealed partial record AactTable(string Name, string Grain, string From, IReadOnlyList<AactColumn> Columns)
{
    /// <summary>The suffix of the narrow stored table of a <see cref="AactStorage.StoredAggregates"/> table.</summary>
    public const string AggregatesSuffix = "_aggregates";

    /// <summary>
    /// How the layer keeps the table: a view (the default); <c>studies</c> and <c>calculated_values</c> as full tables
    /// (<see cref="AactStorage.Table"/>); the other one-row-per-study tables whose values include per-study aggregates,
    /// which the measurements of ADR-007 found slow as views, as a view over a narrow stored table of those aggregates.
    /// </summary>
    public AactStorage Storage { get; init; }

    /// <summary>The name (in schema ctgov) of the table an import refreshes for this AACT table, or null for a view.</summary>
    public string? StoredName => Storage switch
    {
        AactStorage.Table => Name,
        AactStorage.StoredAggregates => Name + AggregatesSuffix,
        _ => null,
    };

    /// <summary>
    /// The aliases of the per-study aggregates that <see cref="From"/> joins to the study <c>s</c> (the
    /// <c>… ) a ON a.nct_id = s.nct_id</c> of AactTables' PerStudy and AdverseEventGroups), in their order.
    /// </summary>
    public IReadOnlyList<string> AggregateAliases => [.. PerStudyJoin().Matches(From).Select(m => m.Groups["alias"].Value)];

    /// <summary>
    /// The columns an import stores: every column of a <see cref="AactStorage.Table"/>; <c>nct_id</c> and the columns that
    /// read a per-study aggregate (<see cref="ReadsAggregate"/>) of a <see cref="AactStorage.StoredAggregates"/> table;
    /// none of a view.
    /// </summary>
    public IReadOnlyList<AactColumn> StoredColumns => Storage switch
    {
        AactStorage.Table => Columns,
        AactStorage.StoredAggregates => [.. Columns.Where(c => c.Name == "nct_id" || ReadsAggregate(c))],
        _ => [],
    };

    /// <summary>True when <paramref name="column"/>'s expression reads one of the <see cref="AggregateAliases"/>.</summary>
    public bool ReadsAggregate(AactColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return AggregateAliases.Any(alias => Regex.IsMatch(column.Expression, $@"(?<![\w.]){Regex.Escape(alias)}\.", RegexOptions.CultureInvariant));
    }

    [GeneratedRegex(@"\) (?<alias>[a-z_][a-z0-9_]*) ON \k<alias>\.nct_id = s\.nct_id", RegexOptions.CultureInvariant)]
    private static partial Regex PerStudyJoin();
}
