using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// What the login role may do with the schema, asked before the store changes anything: whether the server takes writes
/// at all, whether the role owns the schema and its tables (and so may create, alter and re-key them), and whether the
/// schema is already current (so that a loader role that owns nothing needs no DDL).
/// </summary>
internal static class SchemaAccess
{
    /// <summary>The reason <see cref="ThrowIfReadOnlyAsync"/> gives for a server in recovery.</summary>
    public const string HotStandby = "the server is a hot standby, in recovery";

    /// <summary>The reason <see cref="ThrowIfReadOnlyAsync"/> gives for a server that is read-only by its setting.</summary>
    public const string ReadOnlySetting = "default_transaction_read_only = on";

    /// <summary>
    /// Throws a read-only error (SQLSTATE 25006, as the server would) when the session cannot write: a hot standby in
    /// recovery, or <c>default_transaction_read_only = on</c>. Nothing was asked of the database yet.
    /// </summary>
    public static async Task ThrowIfReadOnlyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery(), current_setting('transaction_read_only') = 'on'", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (recovery, readOnly) = (reader.GetBoolean(0), reader.GetBoolean(1));
        if (recovery || readOnly)
        {
            throw new PostgresException(
                recovery ? HotStandby : ReadOnlySetting,
                "ERROR",
                "ERROR",
                PostgresErrorCodes.ReadOnlySqlTransaction);
        }
    }

    /// <summary>Whether the role owns (or is a member of the owner of) the schema and every table in it; true when there is no schema yet.</summary>
    public static Task<bool> OwnsSchemaAsync(NpgsqlConnection connection, DatabaseSchema schema, CancellationToken cancellationToken) =>
        connection.ScalarAsync<bool>(
            $"""
            SELECT coalesce((SELECT pg_has_role(n.nspowner, 'USAGE')
                                    AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v') AND NOT pg_has_role(c.relowner, 'USAGE'))
                               FROM pg_namespace n WHERE n.nspname = {schema.Literal}), true)
            """,
            cancellationToken);

    /// <summary>Whether every study table of <paramref name="tables"/> has every column it describes (the run tables too): nothing left to migrate.</summary>
    public static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, DatabaseSchema schema, IReadOnlyList<Table> tables, CancellationToken cancellationToken)
    {
        (string Table, string Column)[] runColumns = [("studies", "deleted_in_run"), ("import_runs", "unknown_paths"), ("import_runs", "studies_deleted"), ("quarantine", "raw_json")];
        var expected = tables.SelectMany(t => t.AllColumns.Select(c => (Table: t.Name, Column: c.Name)))
            .Concat(runColumns)
            .Distinct()
            .ToList();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT count(*) FROM unnest($1::text[], $2::text[]) AS e(table_name, column_name)
              JOIN pg_attribute a ON a.attrelid = to_regclass(quote_ident({schema.Literal}) || '.' || quote_ident(e.table_name)) AND a.attname = e.column_name AND NOT a.attisdropped
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = expected.Select(e => e.Table).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = expected.Select(e => e.Column).ToArray() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == expected.Count;
    }
}
