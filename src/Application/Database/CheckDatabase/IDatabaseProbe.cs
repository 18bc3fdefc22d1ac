namespace Clinical.Application.Database.CheckDatabase;

/// <summary>Reaches the database once.</summary>
public interface IDatabaseProbe
{
    /// <summary>
    /// Opens a connection and returns the server's version; throws <see cref="Common.Exceptions.DatabaseUnavailableException"/>
    /// when the database cannot be reached, refuses the login or does not exist.
    /// </summary>
    Task<string> ServerVersionAsync(CancellationToken cancellationToken);
}
