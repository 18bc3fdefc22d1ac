using Clinical.Application.Common.Exceptions;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// Turns Npgsql's exceptions into the Application's: <see cref="DatabaseUnavailableException"/> when the database cannot be
/// used (it cannot be reached, refuses the login or does not exist; it is read-only, out of disk space, or the role lacks
/// a privilege; it stayed down past every retry), <see cref="DatabaseException"/> for any other error while a statement
/// ran. The message names the database as host:port/database as user, says what to do, and never holds the password.
/// </summary>
internal sealed class DatabaseErrorTranslator(DatabaseSettings settings)
{
    private readonly DatabaseSettings _settings = settings;

    public DatabaseException Translate(NpgsqlException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } pg => Unusable(
            $"cannot write to PostgreSQL at {_settings.Description}: {ReadOnly(pg)}",
            exception),
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } pg => Unusable(
            $"PostgreSQL at {_settings.Description} is out of disk space: {pg.MessageText}. Free space on the server's file system that holds it (the data directory, or the tablespace under pg_tblspc), then run again: the batches written before are kept, the one that failed was rolled back",
            exception),
        PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } pg => Unusable(
            $"PostgreSQL at {_settings.Description}: {MissingPrivilege.Describe(pg, _settings.User)}",
            exception),
        _ when IsUnavailable(exception) => Unavailable(exception),
        _ => new DatabaseException(_settings.Description, $"PostgreSQL at {_settings.Description}: {Detail(exception)}", exception),
    };

    /// <summary>The database could not be used at all (e.g. while opening a connection), whatever the error says.</summary>
    public DatabaseUnavailableException Unavailable(NpgsqlException exception) =>
        new(_settings.Description, $"cannot use PostgreSQL at {_settings.Description}: {Detail(exception)}", exception);

    private DatabaseUnavailableException Unusable(string message, NpgsqlException exception) =>
        new(_settings.Description, _settings.Redact(message), exception);

    /// <summary>
    /// Why the server takes no writes and what to do: the store's own check (<see cref="SchemaAccess.ThrowIfReadOnlyAsync"/>)
    /// says whether it is a hot standby or the setting; the server's own error only says which statement it refused.
    /// </summary>
    private static string ReadOnly(PostgresException exception) => exception.MessageText switch
    {
        SchemaAccess.HotStandby =>
            "the server is a read-only hot standby (in recovery). Point the command at the primary, then run again; runs, stats, export and history work on the standby",
        SchemaAccess.ReadOnlySetting =>
            $"the server is read-only ({SchemaAccess.ReadOnlySetting}). Point the command at a server that takes writes, or turn read-only off, then run again",
        var refused =>
            $"the server is read-only ({refused}: a hot standby, or default_transaction_read_only = on). Point the command at the primary, or turn read-only off, then run again",
    };

    /// <summary>A query a hot standby cancelled so that it could go on replaying the primary's changes (SQLSTATE 40001, or 57P04 for a dropped database).</summary>
    private static bool IsRecoveryConflict(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DatabaseDropped
        && exception.MessageText.Contains("conflict with recovery", StringComparison.Ordinal);

    private static bool IsUnavailable(NpgsqlException exception) => exception switch
    {
        DatabaseFaultException => true,                                                // read-only, or down past every retry
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal)                  // invalid authorization, e.g. a wrong password
            || pg.SqlState is PostgresErrorCodes.InvalidCatalogName                    // no such database
                or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections
                or PostgresErrorCodes.AdminShutdown                                    // the server shut down or restarted
                or PostgresErrorCodes.CrashShutdown,
        _ => exception.InnerException is not TimeoutException,                         // socket, TLS, connection lost
    };

    private string Detail(NpgsqlException exception)
    {
        var detail = exception switch
        {
            DatabaseFaultException => exception.Message,
            PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } pg =>
                $"{pg.Message} (the statement timeout is {DatabaseSettings.FormatTimeout(_settings.StatementTimeout)}: set it with --statement-timeout or {DatabaseSettings.StatementTimeoutVariable})",
            PostgresException pg when IsRecoveryConflict(pg) =>
                $"{pg.Message} (the standby cancelled the query to replay the primary's changes: run it again, or give the standby more "
                + "room with max_standby_streaming_delay or hot_standby_feedback = on; see docs/scaling.md)",
            PostgresException pg => pg.Message,
            { InnerException: TimeoutException } => $"{exception.Message} (no answer within the command timeout, the statement timeout plus a minute)",
            { InnerException: { } inner } => $"{exception.Message} ({inner.Message})",
            _ => exception.Message,
        };
        return _settings.Redact(detail);
    }
}
