using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// Where the database is. Environment variables as in the original Python tool (DBHOST, DBPORT, DBNAME, DBUSER,
/// DBPASSWORD), or a full connection string that overrides them (any Npgsql keyword passes through, e.g. SSL Mode).
/// </summary>
public static class PostgresSettings
{
    public static string BuildConnectionString(string? connectionString, Func<string, string?> environment)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString ?? string.Empty);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Host = environment("DBHOST") is { Length: > 0 } host ? host : "localhost";
            builder.Port = environment("DBPORT") is { Length: > 0 } port
                ? int.TryParse(port, out var p) && p is > 0 and < 65536 ? p : throw new ArgumentException($"DBPORT '{port}' is not a port number.")
                : 5432;
            builder.Database = environment("DBNAME") is { Length: > 0 } name ? name : "clinical";
            builder.Username = environment("DBUSER") is { Length: > 0 } user ? user : Environment.UserName;
            if (environment("DBPASSWORD") is { Length: > 0 } password)
            {
                builder.Password = password;
            }
        }

        builder.ApplicationName ??= "clinical";
        builder.CommandTimeout = 0;
        return builder.ConnectionString;
    }

    /// <summary>host:port/database as user — never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }

    /// <summary>Removes any password from a text that may echo a connection string.</summary>
    public static string Redact(string text, string connectionString)
    {
        var password = new NpgsqlConnectionStringBuilder(connectionString).Password;
        return string.IsNullOrEmpty(password) ? text : text.Replace(password, "********", StringComparison.Ordinal);
    }
}
