using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>A checksum of every table's content, leaving out the lineage columns that name the run (they differ by design: findings.run_id too).</summary>
internal static class TableChecksums
{
    public static async Task<Dictionary<string, string>> OfContentAsync(string connectionString)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in StudyTables.All)
        {
            const string Row = "(to_jsonb(t) - 'import_run_id' - 'imported_at' - 'run_id')::text";
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg({Row}, '|' ORDER BY {Row})), '') FROM {SchemaSql.DefaultSchemaName}.{table.Name} t", connection);
            checksums[table.Name] = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        return checksums;
    }

    /// <summary>As <see cref="OfContentAsync"/>, but only the rows of the studies <paramref name="nctIds"/> (every study table has nct_id).</summary>
    public static async Task<Dictionary<string, string>> OfStudiesAsync(string connectionString, string[] nctIds)
    {
        var checksums = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in StudyTables.All)
        {
            const string Row = "(to_jsonb(t) - 'import_run_id' - 'imported_at' - 'run_id')::text";
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg({Row}, '|' ORDER BY {Row})), '') FROM {DatabaseSchema.Default.Qualified(table.Name)} t WHERE t.nct_id = ANY($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = nctIds });
            checksums[table.Name] = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        return checksums;
    }
}
