namespace Clinical.Application.Common.Exceptions;

/// <summary>
/// The database answered with an error (or broke off) while a request ran. <see cref="Exception.Message"/> names the
/// database as <c>host:port/database as user</c> and never holds the password; <see cref="Database"/> is that name.
/// </summary>
public class DatabaseException(string database, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The database as <c>host:port/database as user</c>.</summary>
    public string Database { get; } = database;
}
