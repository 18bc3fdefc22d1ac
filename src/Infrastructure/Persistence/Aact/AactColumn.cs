namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>One column of an AACT table: its name and type as AACT declares them, and the SQL that computes it from our tables.</summary>
/// <param name="Name">AACT's column name.</param>
/// <param name="Type">The PostgreSQL type the layer gives it (AACT's, or a compatible wider one).</param>
/// <param name="Expression">SQL over the aliases of the table's FROM clause; <c>{n}</c> stands for the native schema.</param>
/// <param name="Note">What differs from AACT and why (empty when it is AACT's value).</param>
public sealed record AactColumn(string Name, string Type, string Expression, string? Note = null);
