using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// A fault of the database's environment that the store found itself (the server is read-only, a broken connection
/// outlasted every retry): the message says what and what to do; <see cref="DatabaseErrorTranslator"/> turns it into a
/// <see cref="Application.Common.Exceptions.DatabaseUnavailableException"/>. Never transient: nothing retries it again.
/// </summary>
internal sealed class DatabaseFaultException(string message, Exception? innerException = null) : NpgsqlException(message, innerException)
{
    public override bool IsTransient => false;
}
