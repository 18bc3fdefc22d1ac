using Clinical.Application.Common.Exceptions;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// Turns Npgsql's exceptions into the Application's: <see cref="DatabaseUnavailableException"/> when the database cannot be
/// reached, refuses the login or does not exist, <see cref="DatabaseException"/> for an error while a statement ran. The
/// message names the database as host:port/database as user and never holds the password.
/// </summary>
internal sealed class DatabaseErrorTranslator(DatabaseSettings settings)
{
    private readonly DatabaseSettings _settings = settings;

    public DatabaseException Translate(NpgsqlException exception) =>
        IsUnavailable(exception) ? Unavailable(exception) : new DatabaseException(_settings.Description, $"PostgreSQL at {_settings.Description}: {Detail(exception)}", exception);

    /// <summary>The database could not be used at all (e.g. while opening a connection), whatever the error says.</summary>
    public DatabaseUnavailableException Unavailable(NpgsqlException exception) =>
        new(_settings.Description, $"cannot use PostgreSQL at {_settings.Description}: {Detail(exception)}", exception);

    private static bool IsUnavailable(NpgsqlException exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal)                  // invalid authorization, e.g. a wrong password
            || pg.SqlState is PostgresErrorCodes.InvalidCatalogName                    // no such database
                or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        _ => exception.InnerException is not TimeoutException,                         // socket, TLS, connection lost
    };

    private string Detail(NpgsqlException exception)
    {
        var detail = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } pg =>
                $"{pg.Message} (the statement timeout is {DatabaseSettings.FormatTimeout(_settings.StatementTimeout)}: set it with --statement-timeout or {DatabaseSettings.StatementTimeoutVariable})",
            PostgresException pg => pg.Message,
            { InnerException: TimeoutException } => $"{exception.Message} (no answer within the command timeout, the statement timeout plus a minute)",
            { InnerException: { } inner } => $"{exception.Message} ({inner.Message})",
            _ => exception.Message,
        };
        return _settings.Redact(detail);
    }
}
