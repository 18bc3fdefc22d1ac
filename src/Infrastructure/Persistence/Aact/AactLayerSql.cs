using System.Text;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// The AACT layer's DDL, generated from <see cref="AactTables"/> and <see cref="AactListViews"/>: in schema
/// <see cref="SchemaName"/>, one view per AACT table, computed from the native tables at query time, and the few
/// <see cref="AactTable.Materialized"/> tables, refreshed for the changed studies at the end of every import (ADR-007).
/// </summary>
public static class AactLayerSql
{
    /// <summary>AACT's schema: the name its users' SQL is written against. Not configurable, by design.</summary>
    public const string SchemaName = DatabaseSchema.AactSchemaName;

    /// <summary>The database default <c>search_path</c> that makes unqualified AACT names resolve, as AACT's server does.</summary>
    public const string SearchPath = AactLayerOptions.SearchPath;

    /// <summary>How every object of the layer's comment starts: the mark that lets an upgrade drop exactly the layer's own objects.</summary>
    public const string CommentMark = "AACT ";

    public static string Qualified(string name) => $"{SchemaName}.{name}";

    /// <summary>
    /// The SELECT behind one AACT table, over the native schema <paramref name="nativeSchema"/> (an SQL identifier), for
    /// every study; or, given <paramref name="changed"/> (a condition on <c>nct_id</c>), with its per-study aggregates read
    /// for those studies only (the SELECT's own rows are still every study's: the caller filters them).
    /// </summary>
    public static string Select(AactTable table, string nativeSchema, string changed = "nct_id IS NOT NULL")
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.Select(c => $"       ({c.Expression})::{c.Type} AS {c.Name}");
        return $"SELECT {string.Join(",\n", columns).TrimStart()}\n  FROM {table.From}"
            .Replace("{n}", nativeSchema, StringComparison.Ordinal)
            .Replace(AactSql.Changed, changed, StringComparison.Ordinal);
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
    /// Drops the layer's own objects (those whose comment carries <see cref="CommentMark"/>; anything else in the schema is
    /// left alone) and creates them again: the views, and the materialized tables empty (<see cref="Refresh"/> fills them).
    /// Run only when the layer's definition changed.
    /// </summary>
    public static string Create(string nativeSchema)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"CREATE SCHEMA IF NOT EXISTS {SchemaName};");
        sql.AppendLine($"""
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = '{SchemaName}' AND c.relkind IN ('v', 'r', 'm') AND obj_description(c.oid, 'pg_class') LIKE '{CommentMark}%'
              LOOP
                EXECUTE format('DROP %s IF EXISTS {SchemaName}.%I CASCADE', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
              END LOOP;
            END
            $$;
            """);
        foreach (var table in AactTables.All)
        {
            if (table.Materialized)
            {
                var columns = table.Columns.Select(c => $"    {c.Name} {c.Type}{(c.Name == "nct_id" ? " NOT NULL PRIMARY KEY" : string.Empty)}");
                sql.AppendLine($"CREATE TABLE {Qualified(table.Name)} (\n{string.Join(",\n", columns)}\n);");
                sql.AppendLine($"COMMENT ON TABLE {Qualified(table.Name)} IS {Literal($"{CommentMark}{table.Name}: {table.Grain}; rows kept current by every import. See docs/aact.md.")};");
            }
            else
            {
                sql.AppendLine($"CREATE VIEW {Qualified(table.Name)} AS\n{Select(table, nativeSchema)};");
                sql.AppendLine($"COMMENT ON VIEW {Qualified(table.Name)} IS {Literal($"{CommentMark}{table.Name}: {table.Grain}. See docs/aact.md.")};");
            }

            foreach (var column in table.Columns.Where(c => c.Note is not null))
            {
                sql.AppendLine($"COMMENT ON COLUMN {Qualified(table.Name)}.{column.Name} IS {Literal(column.Note!)};");
            }
        }

        foreach (var view in AactListViews.All)
        {
            sql.AppendLine($"CREATE VIEW {Qualified(view.Name)} AS\n{Select(view)};");
            sql.AppendLine($"COMMENT ON VIEW {Qualified(view.Name)} IS {Literal($"{CommentMark}convenience view: {view.Table}.{view.Column} joined with '|' per study.")};");
        }

        return sql.ToString();
    }

    /// <summary>
    /// Brings the materialized tables up to date with the native tables. The studies that changed are those whose native
    /// <c>imported_at</c> is not the <c>updated_at</c> of their ctgov.studies row (written, rewritten, or gone since the last
    /// refresh); every materialized table drops those studies' rows and computes them again. Touches only changed studies;
    /// stateless, so a killed run is caught up by the next.
    /// </summary>
    public static string Refresh(string nativeSchema)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"""
            CREATE TEMP TABLE aact_changed ON COMMIT DROP AS
            SELECT s.nct_id FROM {nativeSchema}.studies s LEFT JOIN {Qualified("studies")} c ON c.nct_id = s.nct_id
             WHERE c.updated_at IS DISTINCT FROM s.imported_at
            UNION ALL
            SELECT c.nct_id FROM {Qualified("studies")} c WHERE NOT EXISTS (SELECT 1 FROM {nativeSchema}.studies s WHERE s.nct_id = c.nct_id);
            ANALYZE aact_changed;
            """);
        foreach (var table in AactTables.All.Where(t => t.Materialized))
        {
            var target = Qualified(table.Name);
            sql.AppendLine($"DELETE FROM {target} WHERE nct_id IN (SELECT nct_id FROM aact_changed);");
            sql.AppendLine($"INSERT INTO {target}\nSELECT * FROM (\n{Select(table, nativeSchema, ChangedStudy)}\n) v\n WHERE v.nct_id IN (SELECT nct_id FROM aact_changed);");
        }

        return sql.ToString();
    }

    /// <summary>
    /// <see cref="Refresh"/> when <c>ctgov.studies</c> is empty (a first load, or a layer just created): then every native
    /// study is a changed one and no row is gone, so the materialized tables are computed for every study in one pass
    /// each, without the changed list and its filters.
    /// </summary>
    public static string Fill(string nativeSchema) => string.Concat(FillSteps(nativeSchema).Select(step => step.Sql));

    /// <summary>
    /// <see cref="Fill"/> table by table, <c>studies</c> first: each step empties one materialized table and computes it
    /// for every study. The steps touch different tables, so they may run on connections of their own, provided
    /// <c>studies</c> commits last (its rows are what tells a refresh that the others are current).
    /// </summary>
    public static IReadOnlyList<(string Table, string Sql)> FillSteps(string nativeSchema) =>
    [
        .. AactTables.All.Where(t => t.Materialized).Select(table =>
            (table.Name, $"DELETE FROM {Qualified(table.Name)};\nINSERT INTO {Qualified(table.Name)}\n{Select(table, nativeSchema)};\n")),
    ];

    /// <summary>The query that tells <see cref="Refresh"/> from <see cref="Fill"/>: true when ctgov.studies holds a row.</summary>
    public static string IsFilled => $"SELECT EXISTS (SELECT 1 FROM {Qualified("studies")})";

    // A native row of a study the refresh computes (the per-study aggregates of AactTables read only those rows).
    private const string ChangedStudy = "nct_id IN (SELECT nct_id FROM aact_changed)";

    /// <summary>
    /// Sets the current database's default <c>search_path</c> to <see cref="SearchPath"/>, so a client that connects and
    /// sets nothing finds <c>studies</c> (new sessions only; a role's own setting wins). A user who does not own the
    /// database gets a warning instead of an error.
    /// </summary>
    public const string SetDatabaseSearchPath = $$"""
        DO $$
        BEGIN
          EXECUTE format('ALTER DATABASE %I SET search_path = {{SearchPath}}', current_database());
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE WARNING 'search_path not set: only the owner of database % may set its default (ALTER DATABASE % SET search_path = {{SearchPath}})', current_database(), current_database();
        END
        $$;
        """;

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
