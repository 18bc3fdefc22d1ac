using System.Text;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>SQL text derived from the table description: DDL, COPY and delete statements. Never built from data.</summary>
public static class SchemaSql
{
    /// <summary>The native schema when none is configured (<see cref="DatabaseSchema.DefaultName"/>).</summary>
    public const string DefaultSchemaName = DatabaseSchema.DefaultName;

    /// <summary>Transaction-level advisory lock key that serializes schema changes between concurrent runs.</summary>
    public const long SchemaLockKey = 0x636C696E6963616C; // "clinical"

    /// <summary>Session-level advisory lock key held by the one import that may run against a database at a time.</summary>
    public const long RunLockKey = 0x636C696E69636172; // "clinicar"

    /// <summary>Creates the schema and every table if missing, and adds columns a newer description has: idempotent.</summary>
    public static string CreateOrUpgrade(DatabaseSchema schema, IEnumerable<Table> tables)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"CREATE SCHEMA IF NOT EXISTS {schema.Identifier};");
        sql.AppendLine($"""
            CREATE TABLE IF NOT EXISTS {schema.Qualified("import_runs")} (
                run_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source_path text NOT NULL,
                source_kind text NOT NULL,
                source_bytes bigint,
                started_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                status text NOT NULL,
                studies_read bigint NOT NULL DEFAULT 0,
                studies_written bigint NOT NULL DEFAULT 0,
                studies_unchanged bigint NOT NULL DEFAULT 0,
                studies_rejected bigint NOT NULL DEFAULT 0,
                duplicates bigint NOT NULL DEFAULT 0,
                warnings bigint NOT NULL DEFAULT 0,
                rows_written bigint NOT NULL DEFAULT 0,
                warnings_by_rule jsonb,
                unknown_paths jsonb,
                error text,
                tool_version text
            );
            CREATE TABLE IF NOT EXISTS {schema.Qualified("quarantine")} (
                run_id bigint NOT NULL,
                ordinal bigint NOT NULL,
                byte_offset bigint NOT NULL,
                nct_id text,
                reason text NOT NULL,
                json_path text,
                raw_json text NOT NULL,
                content_sha256 bytea NOT NULL,
                quarantined_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (run_id, ordinal)
            );
            ALTER TABLE {schema.Qualified("import_runs")} ADD COLUMN IF NOT EXISTS unknown_paths jsonb;
            ALTER TABLE {schema.Qualified("import_runs")} ADD COLUMN IF NOT EXISTS studies_deleted bigint NOT NULL DEFAULT 0;
            CREATE INDEX IF NOT EXISTS quarantine_nct_id ON {schema.Qualified("quarantine")} (nct_id);
            """);
        foreach (var table in tables)
        {
            var keys = table.KeyColumns;
            var columns = keys.Select(c => $"    {c.Name} {c.SqlType} NOT NULL")
                .Concat(table.ValueColumns.Select(c => $"    {c.Name} {c.SqlType}"))
                .Append($"    CONSTRAINT {PrimaryKeyName(table)} PRIMARY KEY ({KeyList(table)})");
            sql.AppendLine($"CREATE TABLE IF NOT EXISTS {schema.Qualified(table.Name)} (\n{string.Join(",\n", columns)}\n);");
            foreach (var column in table.ValueColumns)
            {
                sql.AppendLine($"ALTER TABLE {schema.Qualified(table.Name)} ADD COLUMN IF NOT EXISTS {column.Name} {column.SqlType};");
            }

            foreach (var column in table.IndexedColumns)
            {
                sql.AppendLine($"CREATE INDEX IF NOT EXISTS {table.Name}_{column} ON {schema.Qualified(table.Name)} ({column});");
            }

            sql.AppendLine($"COMMENT ON TABLE {schema.Qualified(table.Name)} IS {Literal(TableComment(table))};");
        }

        sql.AppendLine($"ALTER TABLE {schema.Qualified("studies")} ADD COLUMN IF NOT EXISTS deleted_in_run bigint;");
        sql.AppendLine($"COMMENT ON COLUMN {schema.Qualified("studies")}.deleted_in_run IS 'import_runs.run_id of the --full run whose file no longer held the study (soft delete; null while it is in the registry)';");
        // calculated_values lives in the AACT layer now (ctgov.calculated_values, docs/aact.md), with its adverse-event totals
        // counting each person once; the native schema's older view, which summed overlapping groups, goes.
        sql.AppendLine($"DROP VIEW IF EXISTS {schema.Qualified("calculated_values")};");
        sql.AppendLine(UpgradeColumnTypes(schema, tables));
        sql.AppendLine(History.HistorySql.CreateOrUpgrade(schema));
        return sql.ToString();
    }

    /// <summary>
    /// Moves the tables a version before issue #12 kept in <c>ctgov</c> (recognised by <c>ctgov.import_runs</c> with the
    /// ledger's <c>source_kind</c> column, which AACT has no table like) into <paramref name="schema"/>, table by table, with
    /// their rows, keys, indexes and identity sequence; drops the old <c>ctgov.calculated_values</c> view (the AACT layer's
    /// <c>ctgov.calculated_values</c> replaces it). Does nothing when there is nothing to move, and
    /// refuses (one error) when both schemas hold a ledger. Run it before <see cref="CreateOrUpgrade"/>, in the same
    /// schema-lock transaction.
    /// </summary>
    public static string MoveFromLegacySchema(DatabaseSchema schema, IEnumerable<Table> tables)
    {
        var legacy = DatabaseSchema.QuoteIdentifier(DatabaseSchema.AactSchemaName);
        var moves = string.Concat(new[] { "import_runs", "quarantine" }.Concat(tables.Select(t => t.Name))
            .Select(name => $"    ALTER TABLE IF EXISTS {legacy}.{name} SET SCHEMA {schema.Identifier};\n"));
        return $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname = '{DatabaseSchema.AactSchemaName}' AND c.relname = 'import_runs' AND c.relkind = 'r'
                                AND a.attname = 'source_kind' AND NOT a.attisdropped) THEN
                RETURN;
              END IF;
              IF to_regclass('{schema.Qualified("import_runs")}') IS NOT NULL THEN
                RAISE EXCEPTION 'schema {DatabaseSchema.AactSchemaName} holds the tables of an older Clinical and schema {schema.Name} holds the current ones: drop or rename one of them, then run clinical migrate again';
              END IF;
              CREATE SCHEMA IF NOT EXISTS {schema.Identifier};
              IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = '{DatabaseSchema.AactSchemaName}' AND c.relname = 'calculated_values' AND c.relkind = 'v') THEN
                DROP VIEW {legacy}.calculated_values;
              END IF;
            {moves}END
            $$;

            """;
    }

    /// <summary>
    /// Numbers with a fraction were double precision before they became numeric (which keeps "0.0" as sent): a database
    /// made before that has its columns changed in place, once; the values keep their numbers, not their old spelling.
    /// </summary>
    private static string UpgradeColumnTypes(DatabaseSchema schema, IEnumerable<Table> tables)
    {
        var numeric = tables.SelectMany(t => t.ValueColumns.Where(c => c.SqlType == SqlTypes.Numeric).Select(c => $"('{t.Name}', '{c.Name}')"));
        return $"""
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.relname, a.attname FROM pg_attribute a
                         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = {schema.Literal} AND a.atttypid = 'double precision'::regtype AND NOT a.attisdropped
                          AND (c.relname::text, a.attname::text) IN (VALUES {string.Join(", ", numeric)})
              LOOP
                EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE numeric', {schema.Literal}, r.relname, r.attname);
              END LOOP;
            END
            $$;
            """;
    }

    public static string PrimaryKeyName(Table table) => $"{table.Name}_pkey";

    private static string KeyList(Table table) => string.Join(", ", table.KeyColumns.Select(k => k.Name));

    /// <summary>First-load fast path: the child tables lose their primary keys while an empty database is filled.</summary>
    public static string DropChildPrimaryKeys(DatabaseSchema schema, IEnumerable<Table> tables) =>
        string.Concat(tables.Where(t => t.Parent is not null)
            .Select(t => $"ALTER TABLE {schema.Qualified(t.Name)} DROP CONSTRAINT IF EXISTS {PrimaryKeyName(t)};\n"));

    /// <summary>Adds back every primary key that is missing (after a fast first load, or one that was killed).</summary>
    public static string RestorePrimaryKeys(DatabaseSchema schema, IEnumerable<Table> tables) =>
        "DO $$\nBEGIN\n" + string.Concat(tables.Select(t => $"""
              IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = '{schema.Qualified(t.Name)}'::regclass AND contype = 'p') THEN
                ALTER TABLE {schema.Qualified(t.Name)} ADD CONSTRAINT {PrimaryKeyName(t)} PRIMARY KEY ({KeyList(t)});
              END IF;

            """)) + "END\n$$;";

    /// <summary>
    /// Autovacuum off while a first load fills the tables (its VACUUM ANALYZE of tables still being filled competes for
    /// the same cores and slows the load; docs/performance.md), back on at the end, when it analyzes them.
    /// </summary>
    public static string PauseAutovacuum(DatabaseSchema schema, IEnumerable<Table> tables) =>
        string.Concat(tables.Select(t => $"ALTER TABLE {schema.Qualified(t.Name)} SET (autovacuum_enabled = false);\n"));

    public static string ResumeAutovacuum(DatabaseSchema schema, IEnumerable<Table> tables) =>
        string.Concat(tables.Select(t => $"ALTER TABLE {schema.Qualified(t.Name)} RESET (autovacuum_enabled);\n"));

    public static string Copy(DatabaseSchema schema, Table table) =>
        $"COPY {schema.Qualified(table.Name)} ({string.Join(", ", table.AllColumns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Deletes every row of the studies in the array parameter <c>$1</c>, children first.</summary>
    public static IEnumerable<string> DeleteStudies(DatabaseSchema schema, IEnumerable<Table> tables) =>
        tables.Reverse().Select(t => $"DELETE FROM {schema.Qualified(t.Name)} WHERE nct_id = ANY($1)");

    public static string TableComment(Table table) =>
        table.IsDerived
            ? $"{table.Description} Source: derived by the importer."
            : $"{table.Description} Source: {string.Join(", ", table.Sources.Select(s => s.JsonPath))}";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
