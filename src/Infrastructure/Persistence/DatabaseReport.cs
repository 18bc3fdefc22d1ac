using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>Read-only views of a loaded database for the CLI: recent runs and what the tables hold.</summary>
public sealed class DatabaseReport(NpgsqlDataSource dataSource)
{
    private readonly NpgsqlDataSource _dataSource = dataSource;

    public async Task<IReadOnlyList<RunRow>> RecentRunsAsync(int limit, CancellationToken cancellationToken)
    {
        var runs = new List<RunRow>();
        if (!await SchemaExistsAsync(cancellationToken))
        {
            return runs;
        }

        await using var command = _dataSource.CreateCommand($"""
            SELECT run_id, status, source_path, source_kind, started_at, finished_at, studies_read, studies_written,
                   studies_unchanged, studies_rejected, studies_deleted, rows_written, error
              FROM {SchemaSql.Qualified("import_runs")} ORDER BY run_id DESC LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RunRow(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return runs;
    }

    public async Task<DatabaseStatistics> StatisticsAsync(CancellationToken cancellationToken)
    {
        if (!await SchemaExistsAsync(cancellationToken))
        {
            return new DatabaseStatistics([], [], [], []);
        }

        var tables = await PairsAsync(
            string.Join(" UNION ALL ", StudyTables.All.Select(t => $"SELECT '{t.Name}', count(*) FROM {SchemaSql.Qualified(t.Name)}")),
            cancellationToken);
        var statuses = await PairsAsync($"SELECT overall_status, count(*) FROM {SchemaSql.Qualified("studies")} WHERE deleted_in_run IS NULL GROUP BY 1 ORDER BY 2 DESC", cancellationToken);
        var phases = await PairsAsync($"SELECT phase, count(*) FROM {SchemaSql.Qualified("phases")} GROUP BY 1 ORDER BY 2 DESC", cancellationToken);
        var quarantine = await PairsAsync($"SELECT left(reason, 80), count(*) FROM {SchemaSql.Qualified("quarantine")} GROUP BY 1 ORDER BY 2 DESC LIMIT 10", cancellationToken);
        return new DatabaseStatistics(tables, statuses, phases, quarantine);
    }

    private async Task<bool> SchemaExistsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT to_regclass('{SchemaSql.Qualified("import_runs")}') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<KeyValuePair<string, long>>> PairsAsync(string sql, CancellationToken cancellationToken)
    {
        var pairs = new List<KeyValuePair<string, long>>();
        await using var command = _dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pairs.Add(new(reader.IsDBNull(0) ? "(none)" : reader.GetString(0), reader.GetInt64(1)));
        }

        return pairs;
    }
}

/// <summary>One import run as <c>clinical runs</c> shows it.</summary>
public sealed record RunRow(
    long RunId,
    string Status,
    string Source,
    string Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    long Read,
    long Written,
    long Unchanged,
    long Rejected,
    long Deleted,
    long Rows,
    string? Error);

/// <summary>What <c>clinical stats</c> shows: rows per table, studies by status and phase, the most common quarantine reasons.</summary>
public sealed record DatabaseStatistics(
    IReadOnlyList<KeyValuePair<string, long>> RowsPerTable,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByStatus,
    IReadOnlyList<KeyValuePair<string, long>> StudiesByPhase,
    IReadOnlyList<KeyValuePair<string, long>> QuarantineReasons);
