namespace Clinical.Application.Common.Exceptions;

/// <summary>The database cannot be reached, refused the login, or does not exist: nothing was asked of it yet.</summary>
public sealed class DatabaseUnavailableException(string database, string message, Exception? innerException = null)
    : DatabaseException(database, message, innerException);
