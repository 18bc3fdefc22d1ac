using System.Security.Cryptography;
using System.Text;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// Puts the AACT layer in place after the native schema: its views, re-created only when their definition changed (a
/// replaced view takes a lock that would wait for every running reader), and the database's default search_path.
/// </summary>
public sealed class AactLayer(AactLayerOptions options)
{
    private readonly AactLayerOptions _options = options;

    /// <summary>The layer's SQL over the native schema in force, and the version stamp recorded with it.</summary>
    public static (string Sql, string Version) Definition()
    {
        var sql = AactLayerSql.CreateOrReplace(SchemaSql.SchemaName);
        return (sql, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16]);
    }

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (sql, version) = Definition();
        string? current;
        var stamp = $"AACT-compatible views of the study tables (docs/aact.md); clinical layer {version}";
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
    }
}
