using System.Text;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// The AACT layer's DDL, generated from <see cref="AactTables"/> and <see cref="AactListViews"/>: in schema
/// <see cref="SchemaName"/>, one view per AACT table, computed from the native tables at query time, but for
/// <c>studies</c> and <c>calculated_values</c>, kept whole as tables, and the narrow tables of per-study aggregates behind three views
/// (<see cref="AactStorage"/>): the stored tables, refreshed for the changed studies at the end of every import (ADR-007).
/// </summary>
public static class AactLayerSql
{
    /// <summary>AACT's schema: the name its users' SQL is written against. Not configurable, by design.</summary>
    public const string SchemaName = DatabaseSchema.AactSchemaName;

    /// <summary>The database default <c>search_path</c> that makes unqualified AACT names resolve, as AACT's server does.</summary>
    public const string SearchPath = AactLayerOptions.SearchPath;

    /// <summary>How every object of the layer's comment starts: the mark that lets an upgrade drop exactly the layer's own objects.</summary>
    public const string CommentMark = "AACT ";

    /// <summary>What the layer's stamp on schema ctgov says after <see cref="CommentMark"/>, and before its version.</summary>
    public const string StampMark = "clinical layer";

    /// <summary>
    /// Whether <paramref name="schemaComment"/>, the comment on schema ctgov, is the stamp of Clinical's layer (of any
    /// version), rather than someone else's or none: a ctgov schema without it is not ours to build on or export.
    /// </summary>
    public static bool IsOurStamp(string? schemaComment) =>
        schemaComment is not null && schemaComment.StartsWith(CommentMark, StringComparison.Ordinal) && schemaComment.Contains(StampMark, StringComparison.Ordinal);

    /// <summary>The query that reads the comment on schema ctgov (null when there is no such schema or comment).</summary>
    public const string SchemaComment = $"SELECT obj_description(to_regnamespace('{SchemaName}'), 'pg_namespace')";

    public static string Qualified(string name) => $"{SchemaName}.{name}";

    /// <summary>
    /// The SELECT behind the view of one AACT table, over the native schema <paramref name="nativeSchema"/> (an SQL
    /// identifier): for a <see cref="AactStorage.View"/>, every column computed from the native tables; for a
    /// <see cref="AactStorage.StoredAggregates"/> table, the native <c>studies s</c> joined to its stored table, whose rows
    /// say which studies have a row and hold the columns that read per-study aggregates, the other columns computed from
    /// <c>s</c> as the view of a plain table would. A <see cref="AactStorage.Table"/> has no view.
    /// </summary>
    public static string ViewSelect(AactTable table, string nativeSchema)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Storage switch
        {
            AactStorage.View => Select(table.Columns, table.From, nativeSchema, AllStudies),
            AactStorage.StoredAggregates => Select(
                table.Columns.Select(c => table.ReadsAggregate(c) ? c with { Expression = $"{StoredAlias}.{c.Name}" } : c),
                $"{StudiesAlias} JOIN {Qualified(table.StoredName!)} {StoredAlias} ON {StoredAlias}.nct_id = s.nct_id",
                nativeSchema,
                AllStudies),
            _ => throw new ArgumentException($"ctgov.{table.Name} is stored whole: it has no view.", nameof(table)),
        };
    }

    /// <summary>
    /// The SELECT of the rows an import stores for one AACT table (its <see cref="AactTable.StoredColumns"/> over its
    /// <see cref="AactTable.From"/>), over the native schema <paramref name="nativeSchema"/>, for every study; or, given
    /// <paramref name="changed"/> (a condition on <c>nct_id</c>), with its per-study aggregates read for those studies
    /// only (the SELECT's own rows are still every study's: the caller filters them).
    /// </summary>
    public static string StoredSelect(AactTable table, string nativeSchema, string changed = AllStudies)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Storage == AactStorage.StoredAggregates && !(table.From.StartsWith(StudiesAlias, StringComparison.Ordinal) && table.Columns.Any(c => c is { Name: "nct_id", Expression: "s.nct_id" })))
        {
            throw new ArgumentException($"ctgov.{table.Name}: a view over stored aggregates is one row per study, from {StudiesAlias}.", nameof(table));
        }

        return Select(table.StoredColumns, table.From, nativeSchema, changed);
    }

    private static string Select(IEnumerable<AactColumn> columns, string from, string nativeSchema, string changed)
    {
        var list = columns.Select(c => $"       ({c.Expression})::{c.Type} AS {c.Name}");
        return $"SELECT {string.Join(",\n", list).TrimStart()}\n  FROM {from}"
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
    /// left alone) and creates them again: the views, and the stored tables empty (<see cref="Refresh"/> fills them).
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
            if (table.StoredName is { } stored)
            {
                var columns = table.StoredColumns.Select(c => $"    {c.Name} {c.Type}{(c.Name == "nct_id" ? " NOT NULL PRIMARY KEY" : string.Empty)}");
                var what = table.Storage == AactStorage.Table
                    ? $"{table.Name}: {table.Grain}; rows kept current by every import"
                    : $"{table.Name}, stored part: one row per study that has a ctgov.{table.Name} row, with the columns computed from per-study aggregates; kept current by every import";
                sql.AppendLine($"CREATE TABLE {Qualified(stored)} (\n{string.Join(",\n", columns)}\n);");
                sql.AppendLine($"COMMENT ON TABLE {Qualified(stored)} IS {Literal($"{CommentMark}{what}. See docs/aact.md.")};");
            }

            if (table.Storage != AactStorage.Table)
            {
                sql.AppendLine($"CREATE VIEW {Qualified(table.Name)} AS\n{ViewSelect(table, nativeSchema)};");
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
    /// Brings the stored tables up to date with the native tables. The studies that changed are those whose native
    /// <c>imported_at</c> is not the <c>updated_at</c> of their ctgov.studies row (written, rewritten, or gone since the last
    /// refresh); every stored table drops those studies' rows and computes them again. Touches only changed studies;
    /// stateless, so a killed run is caught up by the next.
    /// </summary>
    public static string Refresh(string nativeSchema)
    {
        var sql = new StringBuilder(StatementSettings);
        sql.AppendLine($"""
            CREATE TEMP TABLE aact_changed ON COMMIT DROP AS
            SELECT s.nct_id FROM {nativeSchema}.studies s LEFT JOIN {Qualified("studies")} c ON c.nct_id = s.nct_id
             WHERE c.updated_at IS DISTINCT FROM s.imported_at
            UNION ALL
            SELECT c.nct_id FROM {Qualified("studies")} c WHERE NOT EXISTS (SELECT 1 FROM {nativeSchema}.studies s WHERE s.nct_id = c.nct_id);
            ANALYZE aact_changed;
            """);
        foreach (var table in Stored)
        {
            var target = Qualified(table.StoredName!);
            sql.AppendLine($"DELETE FROM {target} WHERE nct_id IN (SELECT nct_id FROM aact_changed);");
            sql.AppendLine($"INSERT INTO {target}\nSELECT * FROM (\n{StoredSelect(table, nativeSchema, ChangedStudy)}\n) v\n WHERE v.nct_id IN (SELECT nct_id FROM aact_changed);");
        }

        return sql.ToString();
    }

    /// <summary>
    /// <see cref="Refresh"/> when <c>ctgov.studies</c> is empty (a first load, or a layer just created): then every native
    /// study is a changed one and no row is gone, so the stored tables are computed for every study in one pass
    /// each, without the changed list and its filters.
    /// </summary>
    public static string Fill(string nativeSchema) => string.Concat(FillSteps(nativeSchema).Select(step => step.Sql));

    /// <summary>
    /// <see cref="Fill"/> table by table, <c>studies</c> first, then the other whole tables, then the stored aggregates from
    /// the most per-study aggregates to the fewest (the longest first, so that two connections sharing them end close together): each step empties one stored
    /// table and computes it for every study. The steps touch different tables, so they may run on connections of their
    /// own, provided <c>studies</c> commits last (its rows are what tells a refresh that the others are current).
    /// </summary>
    public static IReadOnlyList<(string Table, string Sql)> FillSteps(string nativeSchema) =>
    [
        .. Stored.OrderBy(table => table.Name == "studies" ? 0 : 1).ThenBy(table => table.Storage == AactStorage.Table ? 0 : 1).ThenByDescending(table => table.AggregateAliases.Count).Select(table =>
            (table.Name, $"{StatementSettings}DELETE FROM {Qualified(table.StoredName!)};\nINSERT INTO {Qualified(table.StoredName!)}\n{StoredSelect(table, nativeSchema)};\n")),
    ];

    /// <summary>The query that tells <see cref="Refresh"/> from <see cref="Fill"/>: true when ctgov.studies holds a row.</summary>
    public static string IsFilled => $"SELECT EXISTS (SELECT 1 FROM {Qualified("studies")})";

    // The tables an import writes: studies whole, the others' stored aggregates.
    private static IEnumerable<AactTable> Stored => AactTables.All.Where(t => t.StoredName is not null);

    // The native studies as every per-study view reads them, and the alias of a view's stored aggregates.
    private const string StudiesAlias = "{n}.studies s";
    private const string StoredAlias = "agg";

    // The fill and refresh are a few one-pass statements of a second or two: compiling one (PostgreSQL's JIT, on by
    // default, chosen by cost) takes a good part of what it would save. Their per-study aggregates hash every study
    // (before autovacuum has analyzed the new tables, so the planner expects far fewer groups); with the default 4 MB
    // each spilled to disk in many batches (docs/performance.md). 64 MB a hash, for these statements only.
    private const string StatementSettings = "SET LOCAL jit = off;\nSET LOCAL work_mem = '64MB';\n";

    // No condition: a per-study aggregate over every study's rows.
    private const string AllStudies = "nct_id IS NOT NULL";

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
