using System.Text;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// The AACT layer's DDL, generated from <see cref="AactTables"/> and <see cref="AactListViews"/>: one view per AACT table in
/// schema <see cref="SchemaName"/>, computed from the native tables at query time (ADR-006), so it is current the moment
/// an import commits and costs the import nothing.
/// </summary>
public static class AactLayerSql
{
    /// <summary>AACT's schema: the name its users' SQL is written against. Not configurable, by design.</summary>
    public const string SchemaName = "ctgov";

    /// <summary>The database default <c>search_path</c> that makes unqualified AACT names resolve, as AACT's server does.</summary>
    public const string SearchPath = "\"$user\", ctgov, public";

    public static string Qualified(string name) => $"{SchemaName}.{name}";

    /// <summary>The SELECT behind one AACT table, over the native schema <paramref name="nativeSchema"/> (an SQL identifier).</summary>
    public static string Select(AactTable table, string nativeSchema)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.Select(c => $"       ({c.Expression})::{c.Type} AS {c.Name}");
        return $"SELECT {string.Join(",\n", columns).TrimStart()}\n  FROM {table.From}".Replace("{n}", nativeSchema, StringComparison.Ordinal);
    }

    /// <summary>The SELECT behind an <c>all_*</c> view.</summary>
    public static string Select(AactListView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var distinct = view.Distinct ? "DISTINCT " : string.Empty;
        var where = view.Filter is null ? string.Empty : $" WHERE {view.Filter}";
        return $"SELECT nct_id, array_to_string(array_agg({distinct}{view.Column}), '|')::character varying AS names\n" +
               $"  FROM {Qualified(view.Table)}{where} GROUP BY nct_id";
    }

    /// <summary>
    /// Creates or replaces every AACT view (idempotent, run by every migrate and import). Views hold no rows, so the
    /// layer is current whenever the native tables are.
    /// </summary>
    public static string CreateOrReplace(string nativeSchema)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"CREATE SCHEMA IF NOT EXISTS {SchemaName};");
        foreach (var table in AactTables.All)
        {
            sql.AppendLine($"CREATE OR REPLACE VIEW {Qualified(table.Name)} AS\n{Select(table, nativeSchema)};");
            sql.AppendLine($"COMMENT ON VIEW {Qualified(table.Name)} IS {Literal($"AACT {table.Name}: {table.Grain}. See docs/aact.md.")};");
            foreach (var column in table.Columns.Where(c => c.Note is not null))
            {
                sql.AppendLine($"COMMENT ON COLUMN {Qualified(table.Name)}.{column.Name} IS {Literal(column.Note!)};");
            }
        }

        foreach (var view in AactListViews.All)
        {
            sql.AppendLine($"CREATE OR REPLACE VIEW {Qualified(view.Name)} AS\n{Select(view)};");
        }

        return sql.ToString();
    }

    /// <summary>
    /// Sets the current database's default <c>search_path</c> to <see cref="SearchPath"/>, so a client that connects and
    /// sets nothing finds <c>studies</c> (new sessions only; a role's own setting wins). A user who does not own the
    /// database gets a warning instead of an error.
    /// </summary>
    public const string SetDatabaseSearchPath = """
        DO $$
        BEGIN
          EXECUTE format('ALTER DATABASE %I SET search_path = "$user", ctgov, public', current_database());
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE WARNING 'search_path not set: only the owner of database % may set its default (ALTER DATABASE % SET search_path = "$user", ctgov, public)', current_database(), current_database();
        END
        $$;
        """;

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
