using System.Text;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>SQL text derived from the table description: DDL, COPY and delete statements. Never built from data.</summary>
public static class SchemaSql
{
    public const string SchemaName = "ctgov";

    /// <summary>Transaction-level advisory lock key that serializes schema changes between concurrent runs.</summary>
    public const long SchemaLockKey = 0x636C696E6963616C; // "clinical"

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
            CREATE INDEX IF NOT EXISTS quarantine_nct_id ON {Qualified("quarantine")} (nct_id);
            """);
        foreach (var table in tables)
        {
            var keys = table.KeyColumns;
            var columns = keys.Select(c => $"    {c.Name} {c.SqlType} NOT NULL")
                .Concat(table.ValueColumns.Select(c => $"    {c.Name} {c.SqlType}"))
                .Append($"    PRIMARY KEY ({string.Join(", ", keys.Select(k => k.Name))})");
            sql.AppendLine($"CREATE TABLE IF NOT EXISTS {Qualified(table.Name)} (\n{string.Join(",\n", columns)}\n);");
            foreach (var column in table.ValueColumns)
            {
                sql.AppendLine($"ALTER TABLE {Qualified(table.Name)} ADD COLUMN IF NOT EXISTS {column.Name} {column.SqlType};");
            }

            sql.AppendLine($"COMMENT ON TABLE {Qualified(table.Name)} IS {Literal(TableComment(table))};");
        }

        return sql.ToString();
    }

    public static string Copy(Table table) =>
        $"COPY {Qualified(table.Name)} ({string.Join(", ", table.AllColumns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Deletes every row of the studies in the array parameter <c>$1</c>, children first.</summary>
    public static IEnumerable<string> DeleteStudies(IEnumerable<Table> tables) =>
        tables.Reverse().Select(t => $"DELETE FROM {Qualified(t.Name)} WHERE nct_id = ANY($1)");

    public static string TableComment(Table table) =>
        $"{table.Description} Source: {string.Join(", ", table.Sources.Select(s => s.JsonPath))}";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
