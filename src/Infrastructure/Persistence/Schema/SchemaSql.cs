using System.Text;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>SQL text derived from the table description: DDL, COPY and delete statements. Never built from data.</summary>
public static class SchemaSql
{
    public const string SchemaName = "ctgov";

    /// <summary>Transaction-level advisory lock key that serializes schema changes between concurrent runs.</summary>
    public const long SchemaLockKey = 0x636C696E6963616C; // "clinical"

    /// <summary>Session-level advisory lock key held by the one import that may run against a database at a time.</summary>
    public const long RunLockKey = 0x636C696E69636172; // "clinicar"

    public static string Qualified(string table) => $"{SchemaName}.{table}";

    /// <summary>Creates the schema and every table if missing, and adds columns a newer description has: idempotent.</summary>
    public static string CreateOrUpgrade(IEnumerable<Table> tables)
    {
        var sql = new StringBuilder();
        sql.AppendLine($"CREATE SCHEMA IF NOT EXISTS {SchemaName};");
        sql.AppendLine($"""
            CREATE TABLE IF NOT EXISTS {Qualified("import_runs")} (
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
            CREATE TABLE IF NOT EXISTS {Qualified("quarantine")} (
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
            ALTER TABLE {Qualified("import_runs")} ADD COLUMN IF NOT EXISTS unknown_paths jsonb;
            ALTER TABLE {Qualified("import_runs")} ADD COLUMN IF NOT EXISTS studies_deleted bigint NOT NULL DEFAULT 0;
            CREATE INDEX IF NOT EXISTS quarantine_nct_id ON {Qualified("quarantine")} (nct_id);
            """);
        foreach (var table in tables)
        {
            var keys = table.KeyColumns;
            var columns = keys.Select(c => $"    {c.Name} {c.SqlType} NOT NULL")
                .Concat(table.ValueColumns.Select(c => $"    {c.Name} {c.SqlType}"))
                .Append($"    CONSTRAINT {PrimaryKeyName(table)} PRIMARY KEY ({KeyList(table)})");
            sql.AppendLine($"CREATE TABLE IF NOT EXISTS {Qualified(table.Name)} (\n{string.Join(",\n", columns)}\n);");
            foreach (var column in table.ValueColumns)
            {
                sql.AppendLine($"ALTER TABLE {Qualified(table.Name)} ADD COLUMN IF NOT EXISTS {column.Name} {column.SqlType};");
            }

            foreach (var column in table.IndexedColumns)
            {
                sql.AppendLine($"CREATE INDEX IF NOT EXISTS {table.Name}_{column} ON {Qualified(table.Name)} ({column});");
            }

            sql.AppendLine($"COMMENT ON TABLE {Qualified(table.Name)} IS {Literal(TableComment(table))};");
        }

        sql.AppendLine($"ALTER TABLE {Qualified("studies")} ADD COLUMN IF NOT EXISTS deleted_in_run bigint;");
        sql.AppendLine($"COMMENT ON COLUMN {Qualified("studies")}.deleted_in_run IS 'import_runs.run_id of the --full run whose file no longer held the study (soft delete; null while it is in the registry)';");
        sql.AppendLine($"DROP VIEW IF EXISTS {Qualified("calculated_values")};");
        sql.AppendLine(UpgradeColumnTypes(tables));
        sql.AppendLine(CalculatedValuesView);
        sql.AppendLine(History.HistorySql.CreateOrUpgrade());
        return sql.ToString();
    }

    /// <summary>
    /// Values users rely on in AACT's calculated_values, derived in SQL from the loaded rows (so always consistent with
    /// them). Corrections over AACT: SAE/NSAE subjects come from the event groups' participant totals (AACT sums per-term
    /// counts, counting a person once per event), results_reported uses hasResults, durations use calendar months.
    /// </summary>
    public const string CalculatedValuesView = $"""
        CREATE VIEW {SchemaName}.calculated_values AS
        SELECT s.nct_id,
               f.number_of_facilities,
               f.number_of_facilities = 1                                            AS has_single_facility,
               coalesce(f.has_us_facility, false)                                    AS has_us_facility,
               f.number_of_countries,
               s.minimum_age_years,
               s.maximum_age_years,
               coalesce(s.has_results, false)                                        AS were_results_reported,
               CASE WHEN s.results_first_submit_date IS NOT NULL AND s.primary_completion_date IS NOT NULL
                    THEN (extract(year FROM age(s.results_first_submit_date, s.primary_completion_date)) * 12
                        + extract(month FROM age(s.results_first_submit_date, s.primary_completion_date)))::int END AS months_to_report_results,
               CASE WHEN s.start_date_type = 'ACTUAL' AND s.primary_completion_date_type = 'ACTUAL'
                    THEN (extract(year FROM age(s.primary_completion_date, s.start_date)) * 12
                        + extract(month FROM age(s.primary_completion_date, s.start_date)))::int END AS actual_duration_months,
               extract(year FROM s.study_first_submit_date)::int                     AS registered_in_calendar_year,
               o.number_of_primary_outcomes_to_measure,
               o.number_of_secondary_outcomes_to_measure,
               o.number_of_other_outcomes_to_measure,
               a.number_of_arms_or_groups,
               e.number_of_sae_subjects,
               e.number_of_nsae_subjects,
               e.number_of_deaths
          FROM {SchemaName}.studies s
          LEFT JOIN LATERAL (
               SELECT count(*)::int AS number_of_facilities,
                      count(DISTINCT l.country)::int AS number_of_countries,
                      bool_or(l.country IN ('United States', 'Guam', 'Puerto Rico', 'Virgin Islands (U.S.)', 'U.S. Virgin Islands',
                          'Northern Mariana Islands', 'American Samoa', 'United States Minor Outlying Islands')) AS has_us_facility
                 FROM {SchemaName}.locations l WHERE l.nct_id = s.nct_id) f ON true
          LEFT JOIN LATERAL (
               SELECT count(*) FILTER (WHERE d.outcome_type = 'PRIMARY')::int AS number_of_primary_outcomes_to_measure,
                      count(*) FILTER (WHERE d.outcome_type = 'SECONDARY')::int AS number_of_secondary_outcomes_to_measure,
                      count(*) FILTER (WHERE d.outcome_type = 'OTHER')::int AS number_of_other_outcomes_to_measure
                 FROM {SchemaName}.design_outcomes d WHERE d.nct_id = s.nct_id) o ON true
          LEFT JOIN LATERAL (
               SELECT count(*)::int AS number_of_arms_or_groups FROM {SchemaName}.arm_groups g WHERE g.nct_id = s.nct_id) a ON true
          LEFT JOIN LATERAL (
               SELECT sum(g.serious_num_affected)::int AS number_of_sae_subjects,
                      sum(g.other_num_affected)::int AS number_of_nsae_subjects,
                      sum(g.deaths_num_affected)::int AS number_of_deaths
                 FROM {SchemaName}.event_groups g WHERE g.nct_id = s.nct_id) e ON true;
        COMMENT ON VIEW {SchemaName}.calculated_values IS 'Derived per-study values (AACT calculated_values, corrected): see docs/schema.md.';
        """;

    /// <summary>
    /// Numbers with a fraction were double precision before they became numeric (which keeps "0.0" as sent): a database
    /// made before that has its columns changed in place, once; the values keep their numbers, not their old spelling.
    /// </summary>
    private static string UpgradeColumnTypes(IEnumerable<Table> tables)
    {
        var numeric = tables.SelectMany(t => t.ValueColumns.Where(c => c.SqlType == SqlTypes.Numeric).Select(c => $"('{t.Name}', '{c.Name}')"));
        return $"""
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.relname, a.attname FROM pg_attribute a
                         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = '{SchemaName}' AND a.atttypid = 'double precision'::regtype AND NOT a.attisdropped
                          AND (c.relname::text, a.attname::text) IN (VALUES {string.Join(", ", numeric)})
              LOOP
                EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE numeric', '{SchemaName}', r.relname, r.attname);
              END LOOP;
            END
            $$;
            """;
    }

    public static string PrimaryKeyName(Table table) => $"{table.Name}_pkey";

    private static string KeyList(Table table) => string.Join(", ", table.KeyColumns.Select(k => k.Name));

    /// <summary>First-load fast path: the child tables lose their primary keys while an empty database is filled.</summary>
    public static string DropChildPrimaryKeys(IEnumerable<Table> tables) =>
        string.Concat(tables.Where(t => t.Parent is not null)
            .Select(t => $"ALTER TABLE {Qualified(t.Name)} DROP CONSTRAINT IF EXISTS {PrimaryKeyName(t)};\n"));

    /// <summary>Adds back every primary key that is missing (after a fast first load, or one that was killed).</summary>
    public static string RestorePrimaryKeys(IEnumerable<Table> tables) =>
        "DO $$\nBEGIN\n" + string.Concat(tables.Select(t => $"""
              IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = '{Qualified(t.Name)}'::regclass AND contype = 'p') THEN
                ALTER TABLE {Qualified(t.Name)} ADD CONSTRAINT {PrimaryKeyName(t)} PRIMARY KEY ({KeyList(t)});
              END IF;

            """)) + "END\n$$;";

    /// <summary>
    /// Autovacuum off while a first load fills the tables (measured: its VACUUM ANALYZE of tables still being filled
    /// competed for the same cores and made the load up to 50 % slower), back on at the end, when it analyzes them.
    /// </summary>
    public static string PauseAutovacuum(IEnumerable<Table> tables) =>
        string.Concat(tables.Select(t => $"ALTER TABLE {Qualified(t.Name)} SET (autovacuum_enabled = false);\n"));

    public static string ResumeAutovacuum(IEnumerable<Table> tables) =>
        string.Concat(tables.Select(t => $"ALTER TABLE {Qualified(t.Name)} RESET (autovacuum_enabled);\n"));

    public static string Copy(Table table) =>
        $"COPY {Qualified(table.Name)} ({string.Join(", ", table.AllColumns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Deletes every row of the studies in the array parameter <c>$1</c>, children first.</summary>
    public static IEnumerable<string> DeleteStudies(IEnumerable<Table> tables) =>
        tables.Reverse().Select(t => $"DELETE FROM {Qualified(t.Name)} WHERE nct_id = ANY($1)");

    public static string TableComment(Table table) =>
        table.IsDerived
            ? $"{table.Description} Source: derived by the importer."
            : $"{table.Description} Source: {string.Join(", ", table.Sources.Select(s => s.JsonPath))}";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
