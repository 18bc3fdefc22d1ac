using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// Puts the AACT layer in place over the native schema and keeps it current: its objects, re-created only when their
/// definition changed (replacing a view takes a lock that waits for every running reader); the database's default
/// search_path; and the refresh of the stored tables for the studies an import changed. A <c>ctgov</c> schema that
/// holds objects but not the layer's stamp belongs to someone else (e.g. a restored AACT dump): it is left alone, and the
/// layer is not built in that database (said once per run in the log).
/// </summary>
public sealed partial class AactLayer(NpgsqlDataSource dataSource, DatabaseSchema schema, AactLayerOptions options, ILogger<AactLayer>? logger = null)
{
    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly DatabaseSchema _schema = schema;
    private readonly AactLayerOptions _options = options;
    private readonly ILogger<AactLayer> _logger = logger ?? NullLogger<AactLayer>.Instance;
    private readonly (string Sql, string Stamp) _definition = StampedDefinition(schema);

    /// <summary>
    /// The layer's DDL over the native schema <paramref name="native"/>, and the version stamp recorded with it. The stamp
    /// covers the stored tables' statements too: a release that changes how a stored column is computed (an AACT rule) is
    /// a new version, so migrate (or the next import's start) recreates and refills those tables instead of leaving the
    /// rows of unchanged studies as the old rule made them.
    /// </summary>
    public static (string Sql, string Version) Definition(DatabaseSchema native)
    {
        ArgumentNullException.ThrowIfNull(native);
        var sql = AactLayerSql.Create(native.Identifier);
        var stamped = sql + AactLayerSql.Fill(native.Identifier) + AactLayerSql.Refresh(native.Identifier);
        return (sql, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamped)))[..16]);
    }

    /// <summary>Creates or upgrades the layer and sets the search_path, in the caller's (migrate's) transaction.</summary>
    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (sql, stamp) = _definition;
        var current = await StampAsync(connection, transaction, cancellationToken);
        if (await IsSomeoneElsesAsync(connection, transaction, current, cancellationToken))
        {
            LogForeignSchema(AactLayerSql.SchemaName);
            return;
        }

        if (_options.SetSearchPath)
        {
            await connection.ExecuteAsync(AactLayerSql.SetDatabaseSearchPath, cancellationToken, transaction);
        }

        if (current != stamp)
        {
            // A new or changed layer is filled at once. A current one is not refreshed here: an import refreshes it when
            // its load ends (RefreshAsync), so a run killed before that leaves the work to the next run's end, and an
            // import never spends its start, before its run is recorded, catching up on what a killed run wrote.
            await connection.ExecuteAsync(sql, cancellationToken, transaction);
            await connection.ExecuteAsync($"COMMENT ON SCHEMA {AactLayerSql.SchemaName} IS '{stamp}';", cancellationToken, transaction);
            await connection.ExecuteAsync(AactLayerSql.Fill(_schema.Identifier), cancellationToken, transaction);
        }
    }

    /// <summary>
    /// Refreshes the stored tables for the studies written since they were last refreshed, in one transaction. Only a
    /// layer of this version over this native schema is refreshed: one that a role without the owner's rights could not
    /// upgrade (see <see cref="ApplyAsync"/>'s caller) is left as it is, with a warning to have the owner run migrate.
    /// An empty layer (a first load) is filled in one pass per table, without the changed list, on two connections
    /// (<see cref="AactLayerSql.FillSteps"/>).
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await StampAsync(connection, transaction, cancellationToken);
        if (current != _definition.Stamp)
        {
            if (!await IsSomeoneElsesAsync(connection, transaction, current, cancellationToken))
            {
                LogLayerNotCurrent(AactLayerSql.SchemaName, _schema.Name);
            }

            return;
        }

        await using (var filled = new NpgsqlCommand(AactLayerSql.IsFilled, connection, transaction))
        {
            if (!(bool)(await filled.ExecuteScalarAsync(cancellationToken))!)
            {
                await FillAsync(connection, transaction, cancellationToken);
                return;
            }
        }

        await connection.ExecuteAsync(AactLayerSql.Refresh(_schema.Identifier), cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    // An empty layer (a first load) filled on two connections at once (two cores; the tables are independent): this one
    // computes studies first and commits it last, after the other connection's tables, so a run killed in between leaves
    // ctgov.studies empty and the next refresh fills every table again. Readers may see the other tables a moment before
    // studies; a refresh of changed studies (Refresh) stays one transaction.
    private async Task FillAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var steps = AactLayerSql.FillSteps(_schema.Identifier);
        var queue = new ConcurrentQueue<string>(steps.Where(s => s.Table != "studies").Select(s => s.Sql));
        var others = FillOnItsOwnConnectionAsync(queue, cancellationToken);
        try
        {
            await connection.ExecuteAsync(steps.Single(s => s.Table == "studies").Sql, cancellationToken, transaction);
            await DrainAsync(queue, connection, transaction, cancellationToken);
        }
        catch
        {
            await others.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await others;
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task FillOnItsOwnConnectionAsync(ConcurrentQueue<string> queue, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DrainAsync(queue, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task DrainAsync(ConcurrentQueue<string> queue, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        while (queue.TryDequeue(out var sql))
        {
            await connection.ExecuteAsync(sql, cancellationToken, transaction);
        }
    }

    private static (string Sql, string Stamp) StampedDefinition(DatabaseSchema native)
    {
        var (sql, version) = Definition(native);
        return (sql, $"{AactLayerSql.CommentMark}layer: AACT-compatible study tables (docs/aact.md); {AactLayerSql.StampMark} {version}");
    }

    // The comment on schema ctgov: the layer's stamp when the layer is ours, else empty or someone else's.
    private static async Task<string?> StampAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(({AactLayerSql.SchemaComment}), '')", connection, transaction);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    // Objects in ctgov without the layer's stamp on the schema: not ours (the legacy move has emptied an older Clinical's).
    private static async Task<bool> IsSomeoneElsesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? comment, CancellationToken cancellationToken)
    {
        if (AactLayerSql.IsOurStamp(comment))
        {
            return false;
        }

        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = to_regnamespace('{AactLayerSql.SchemaName}'))",
            connection,
            transaction);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema {Schema} holds objects that are not Clinical's AACT layer (e.g. a restored AACT database): it is left alone, and the layer is not built here. Use a database of its own for Clinical to get the layer.")]
    private partial void LogForeignSchema(string schema);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AACT layer in schema {Schema} is missing, or is not this version's layer over schema {Native}: its stored tables (studies, calculated_values, and the per-study aggregates of eligibilities, designs, participant_flows) were not refreshed. Have the schema's owner run 'clinical migrate' (with the same --schema) to put it in place; the next import's end then refreshes it.")]
    private partial void LogLayerNotCurrent(string schema, string native);
}
