using Clinical.Application.Runs.GetRecentRuns;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>Read-only views of a loaded database: recent runs and what the tables hold. An empty database has none of either.</summary>
internal sealed class DatabaseReport(NpgsqlDataSource dataSource, DatabaseSchema schema) : IRunHistory, IStatisticsReport
{
    // Written by the import's findings (soft invariants a study broke); the table may not exist in an older schema.
    private const string FindingsTable = "findings";

    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly DatabaseSchema _schema = schema;

    public async Task<IReadOnlyList<RecentRun>> RecentRunsAsync(int limit, CancellationToken cancellationToken)
    {
        var runs = new List<RecentRun>();
        if (!await TableExistsAsync("import_runs", cancellationToken))
        {
            return runs;
        }

        await using var command = _dataSource.CreateCommand($"""
            SELECT run_id, status, source_path, source_kind, started_at, finished_at, studies_read, studies_written,
                   studies_unchanged, studies_rejected, studies_deleted, rows_written, error
              FROM {_schema.Qualified("import_runs")} ORDER BY run_id DESC LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new RecentRun(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return runs;
    }

    public async Task<DatabaseStatistics> StatisticsAsync(CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync("import_runs", cancellationToken))
        {
            return DatabaseStatistics.Empty;
        }

        // A schema from an older version may lack newer tables (findings): count the tables that are there.
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = _dataSource.CreateCommand($"SELECT relname FROM pg_class WHERE relnamespace = to_regnamespace({_schema.Literal}) AND relkind = 'r'"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                present.Add(reader.GetString(0));
            }
        }

        var existing = StudyTables.All.Select(t => t.Name).Where(present.Contains).ToList();
        var tables = await PairsAsync(
            string.Join(" UNION ALL ", existing.Select(name => $"SELECT '{name}', count(*) FROM {_schema.Qualified(name)}")),
            cancellationToken);
        var statuses = await PairsAsync($"SELECT overall_status, count(*) FROM {_schema.Qualified("studies")} WHERE deleted_in_run IS NULL GROUP BY 1 ORDER BY 2 DESC", cancellationToken);
        var phases = await PairsAsync($"SELECT phase, count(*) FROM {_schema.Qualified("phases")} GROUP BY 1 ORDER BY 2 DESC", cancellationToken);
        var quarantine = await PairsAsync($"SELECT left(reason, 80), count(*) FROM {_schema.Qualified("quarantine")} GROUP BY 1 ORDER BY 2 DESC LIMIT 10", cancellationToken);
        var findings = await FindingsByRuleAsync(cancellationToken);
        return new DatabaseStatistics(tables, statuses, phases, quarantine, findings);
    }

    private async Task<IReadOnlyList<FindingRuleCount>> FindingsByRuleAsync(CancellationToken cancellationToken)
    {
        var findings = new List<FindingRuleCount>();
        if (!await TableExistsAsync(FindingsTable, cancellationToken))
        {
            return findings;
        }

        await using var command = _dataSource.CreateCommand(
            $"SELECT rule, count(*), count(DISTINCT nct_id) FROM {_schema.Qualified(FindingsTable)} GROUP BY rule ORDER BY 2 DESC, 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            findings.Add(new FindingRuleCount(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return findings;
    }

    private async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT to_regclass('{_schema.Qualified(table)}') IS NOT NULL");
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
