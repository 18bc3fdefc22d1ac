using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Clinical.Infrastructure;

/// <summary>
/// Where each connection setting comes from, as every libpq client does it plus the seed's variables: the first source that
/// has the setting wins, one setting at a time.
/// <list type="number">
/// <item><c>--connection</c>: an Npgsql connection string or a <c>postgresql://</c> URI;</item>
/// <item>the seed's variables <c>DBHOST</c>, <c>DBPORT</c>, <c>DBNAME</c>, <c>DBUSER</c>, <c>DBPASSWORD</c>;</item>
/// <item>libpq's variables <c>PGHOST</c>, <c>PGPORT</c>, <c>PGDATABASE</c>, <c>PGUSER</c>, <c>PGPASSWORD</c>,
/// <c>PGSSLMODE</c>, <c>PGAPPNAME</c>;</item>
/// <item>defaults: <c>localhost</c>, 5432, <c>clinical</c>, the OS user, no password, SSL mode <c>prefer</c>, application
/// name <c>clinical</c>.</item>
/// </list>
/// Without a password from these, the password file is read: <c>PGPASSFILE</c>, else <c>~/.pgpass</c>
/// (<c>%APPDATA%\postgresql\pgpass.conf</c> on Windows), by Npgsql, as libpq does.
/// </summary>
public static partial class ConnectionSources
{
    public const string DefaultApplicationName = "clinical";

    /// <summary>The builder for <paramref name="connection"/> (when given) with every missing setting taken from the variables, then the defaults.</summary>
    public static NpgsqlConnectionStringBuilder Resolve(string? connection, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (builder, hasPort, hasSslMode) = string.IsNullOrWhiteSpace(connection)
            ? (new NpgsqlConnectionStringBuilder(), false, false)
            : PostgresUri.IsUri(connection)
                ? FromUri(connection)
                : FromConnectionString(connection);

        builder.Host ??= Variable(environment, "DBHOST", "PGHOST") ?? "localhost";
        if (!hasPort && !HostsCarryPorts(builder.Host))
        {
            builder.Port = FirstVariable(environment, "DBPORT", "PGPORT") is { } port ? PostgresUri.ParsePort(port.Value, port.Name) : 5432;
        }

        builder.Database ??= Variable(environment, "DBNAME", "PGDATABASE") ?? "clinical";
        builder.Username ??= Variable(environment, "DBUSER", "PGUSER") ?? Environment.UserName;
        builder.Password ??= Variable(environment, "DBPASSWORD", "PGPASSWORD");
        if (!hasSslMode && Variable(environment, "PGSSLMODE") is { } sslMode)
        {
            builder.SslMode = PostgresUri.ParseSslMode(sslMode, "PGSSLMODE");
        }

        builder.ApplicationName ??= Variable(environment, "PGAPPNAME") ?? DefaultApplicationName;
        if (builder.Password is null && builder.Passfile is null && PasswordFile(environment) is { } passfile)
        {
            builder.Passfile = passfile;
        }

        return builder;
    }

    /// <summary>
    /// The password file libpq would read: <c>PGPASSFILE</c>, else the user's default one, when it exists (a missing one is
    /// ignored, as libpq does).
    /// </summary>
    public static string? PasswordFile(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = Variable(environment, "PGPASSFILE")
            ?? (OperatingSystem.IsWindows()
                ? Variable(environment, "APPDATA") is { } appData ? Path.Combine(appData, "postgresql", "pgpass.conf") : null
                : Variable(environment, "HOME") is { } home ? Path.Combine(home, ".pgpass") : null);
        return path is not null && File.Exists(path) ? path : null;
    }

    // The builder's connection string holds only what was set, so the URI's settings read back as a connection string.
    private static (NpgsqlConnectionStringBuilder, bool HasPort, bool HasSslMode) FromUri(string uri) => FromConnectionString(PostgresUri.Parse(uri).ConnectionString);

    private static (NpgsqlConnectionStringBuilder, bool HasPort, bool HasSslMode) FromConnectionString(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        DbConnectionStringBuilder raw;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
            raw = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException ex) when (ex.ParamName is { Length: > 0 } keyword && ex.Message.StartsWith("Couldn't set", StringComparison.Ordinal))
        {
            // Npgsql names the keyword; a value it could not take comes with the reason inside. The user gets the name and
            // what to do, not the exception's text.
            throw new DatabaseSettingsException(ex.InnerException is { } reason and not KeyNotFoundException
                ? $"the connection string cannot be used: the value of '{keyword}' is not valid ({reason.Message.TrimEnd('.')})."
                : $"the connection string cannot be used: '{keyword}' is not a connection string keyword Npgsql knows (e.g. Host, Port, Database, Username, Password, SSL Mode; see https://www.npgsql.org/doc/connection-string-parameters.html).");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new DatabaseSettingsException($"the connection string cannot be used: {ex.Message}");
        }

        var keys = raw.Keys.Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (builder, keys.Contains("Port"), keys.Contains("SslMode"));
    }

    private static bool HostsCarryPorts(string host) => host.Split(',').All(h => HostWithPort().IsMatch(h));

    [GeneratedRegex(@"^(\[[^\]]+\]|[^:\[\]]+):\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex HostWithPort();

    private static string? Variable(Func<string, string?> environment, params string[] names) => FirstVariable(environment, names)?.Value;

    private static (string Name, string Value)? FirstVariable(Func<string, string?> environment, params string[] names)
    {
        foreach (var name in names)
        {
            if (environment(name) is { Length: > 0 } value)
            {
                return (name, value);
            }
        }

        return null;
    }
}
