namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>One of AACT's <c>all_*</c> convenience views: <c>(nct_id, names)</c>, the values of one column joined with '|' per study.</summary>
/// <param name="Name">The view's name.</param>
/// <param name="Table">The AACT table it aggregates.</param>
/// <param name="Column">The column whose values it joins.</param>
/// <param name="Distinct">Whether each value appears once.</param>
/// <param name="Filter">A WHERE condition over the table, if any.</param>
public sealed record AactListView(string Name, string Table, string Column, bool Distinct, string? Filter = null);
