using Clinical.Application.Studies.History;
using Clinical.Infrastructure.Persistence.Export;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>
/// The history kept in PostgreSQL: versions from the view <c>study_history</c>, their content from <c>study_versions</c>
/// (decompressed), the current state's content rebuilt from its rows. A schema without history (older) has none.
/// </summary>
internal sealed class PostgresStudyHistory(NpgsqlDataSource dataSource, StudyJsonExporter exporter) : IStudyHistoryStore
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly StudyJsonExporter _exporter = exporter;
    private readonly DatabaseSchema _schema = exporter.Schema;

    public async Task<IReadOnlyList<StoredVersion>> VersionsAsync(string nctId, bool withContent, CancellationToken cancellationToken)
    {
        var versions = new List<StoredVersion>();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (!await HasHistoryAsync(connection, cancellationToken))
        {
            return versions;
        }

        // One snapshot for the versions and the current rows, so an import committing meanwhile cannot split them.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using (var command = new NpgsqlCommand($"""
            SELECT h.version, h.state, h.is_current, h.content_sha256, h.last_update_post_date, h.version_holder, h.overall_status,
                   h.first_seen_run, h.first_seen_at, h.replaced_in_run, h.replaced_at, CASE WHEN $2 THEN v.content END
              FROM {_schema.Qualified("study_history")} h
              LEFT JOIN {_schema.Qualified("study_versions")} v ON v.nct_id = h.nct_id AND v.version = h.version AND NOT h.is_current
             WHERE h.nct_id = $1
             ORDER BY h.version
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = nctId, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = withContent, NpgsqlDbType = NpgsqlDbType.Boolean });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions.Add(new StoredVersion(
                    reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt64(7),
                    reader.IsDBNull(8) ? null : reader.GetDateTime(8),
                    reader.IsDBNull(9) ? null : reader.GetInt64(9),
                    reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                    reader.IsDBNull(11) ? null : VersionContent.Decompress(reader.GetFieldValue<byte[]>(11))));
            }
        }

        if (withContent && versions.Count > 0 && versions[^1] is { IsCurrent: true, State: StoredVersion.Present } current)
        {
            var document = await _exporter.ReadOneAsync(connection, transaction, nctId, cancellationToken);
            versions[^1] = current with { Utf8Json = document is null ? null : StudyJsonExporter.ToUtf8(document) };
        }

        await transaction.CommitAsync(cancellationToken);
        return versions;
    }

    public async Task<long> PruneAsync(int? keep, DateOnly? before, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // A hot standby is told as such (the server's own refusal would only name the DELETE).
        await SchemaAccess.ThrowIfReadOnlyAsync(connection, cancellationToken);
        if (!await HasHistoryAsync(connection, cancellationToken))
        {
            return 0;
        }

        await using var command = new NpgsqlCommand($"""
            DELETE FROM {_schema.Qualified("study_versions")} v
             USING (SELECT nct_id, version, row_number() OVER (PARTITION BY nct_id ORDER BY version DESC) AS newest
                      FROM {_schema.Qualified("study_versions")}) r
             WHERE r.nct_id = v.nct_id AND r.version = v.version
               AND ($1::int IS NULL OR r.newest > $1)
               AND ($2::date IS NULL OR v.replaced_at < $2::date)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)keep ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> HasHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.ScalarAsync<bool>($"SELECT to_regclass('{_schema.Qualified("study_versions")}') IS NOT NULL", cancellationToken);
}
