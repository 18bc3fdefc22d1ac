using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// Puts the AACT layer in place over the native schema and keeps it current: its objects, re-created only when their
/// definition changed (replacing a view takes a lock that waits for every running reader); the database's default
/// search_path; and the refresh of the materialized tables for the studies an import changed.
/// </summary>
public sealed class AactLayer(NpgsqlDataSource dataSource, DatabaseSchema schema, AactLayerOptions options)
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly DatabaseSchema _schema = schema;
    private readonly AactLayerOptions _options = options;

    /// <summary>The layer's DDL over the native schema <paramref name="native"/>, and the version stamp recorded with it.</summary>
    public static (string Sql, string Version) Definition(DatabaseSchema native)
    {
        ArgumentNullException.ThrowIfNull(native);
        var sql = AactLayerSql.Create(native.Identifier);
        return (sql, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16]);
    }

    /// <summary>Creates or upgrades the layer and sets the search_path, in the caller's (migrate's) transaction.</summary>
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (sql, version) = Definition(_schema);
        var stamp = $"{AactLayerSql.CommentMark}layer: AACT-compatible study tables (docs/aact.md); clinical layer {version}";
        string? current;
        await using (var command = new NpgsqlCommand(
            $"SELECT coalesce((SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = '{AactLayerSql.SchemaName}'), '')",
            connection,
            transaction))
        {
            current = (string?)await command.ExecuteScalarAsync(cancellationToken);
        }

        if (current != stamp)
        {
            await connection.ExecuteAsync(sql, cancellationToken, transaction);
            await connection.ExecuteAsync($"COMMENT ON SCHEMA {AactLayerSql.SchemaName} IS '{stamp}';", cancellationToken, transaction);
        }

        if (_options.SetSearchPath)
        {
            await connection.ExecuteAsync(AactLayerSql.SetDatabaseSearchPath, cancellationToken, transaction);
        }

        await connection.ExecuteAsync(AactLayerSql.Refresh(_schema.Identifier), cancellationToken, transaction);
    }

    /// <summary>Refreshes the materialized tables for the studies written since they were last refreshed, in one transaction.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(AactLayerSql.Refresh(_schema.Identifier), cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
