using System.Globalization;
using Npgsql;

namespace Clinical.Infrastructure;

/// <summary>
/// libpq's connection URI, <c>postgresql://[user[:password]@][host[:port][,host[:port]]…][/database][?name=value&amp;…]</c>
/// (or <c>postgres://</c>), as an Npgsql connection string builder holding only what the URI gives. Parts are
/// percent-decoded; an IPv6 host is written in brackets. Errors never repeat the URI, which may hold a password.
/// </summary>
public static class PostgresUri
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    /// <summary>True when <paramref name="text"/> is written as a URI rather than as <c>Keyword=value;…</c>.</summary>
    public static bool IsUri(string text) => Schemes.Any(s => text.TrimStart().StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The URI's settings; throws <see cref="DatabaseSettingsException"/> naming the part that cannot be used.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.Trim();
        var rest = text[Schemes.First(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase)).Length..];
        var builder = new NpgsqlConnectionStringBuilder();
        var authorityEnd = rest.IndexOfAny(['/', '?']);
        if (authorityEnd >= 0 && rest.LastIndexOf('@') > authorityEnd)
        {
            // libpq reads user:password@ only before the first '/' or '?': parsing on would put a piece of a password with an
            // unescaped '/' or '?' into the host, port, database or a parameter name, and from there into an error message.
            throw new DatabaseSettingsException(
                "the connection URI cannot be used: an '@' follows a '/' or '?'. Percent-encode '/', '?' and '@' in the user name, password and values (%2F, %3F, %40).");
        }

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? string.Empty : rest[(queryStart + 1)..];
        rest = queryStart < 0 ? rest : rest[..queryStart];
        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        if (pathStart >= 0)
        {
            var database = Decode(rest[(pathStart + 1)..], "database");
            if (database.Length > 0)
            {
                builder.Database = database;
            }

            rest = rest[..pathStart];
        }

        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon < 0 ? userInfo : userInfo[..colon], "user");
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..], "password");
            }

            rest = rest[(at + 1)..];
        }

        if (rest.Length > 0)
        {
            SetHosts(builder, rest);
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals], "parameter name");
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..], name);
            SetParameter(builder, name, value);
        }

        return builder;
    }

    /// <summary>libpq's SSL mode names (<c>disable</c> … <c>verify-full</c>) as Npgsql's; <paramref name="setting"/> names the source in the error.</summary>
    public static SslMode ParseSslMode(string value, string setting)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToLowerInvariant() switch
        {
            "disable" => SslMode.Disable,
            "allow" => SslMode.Allow,
            "prefer" => SslMode.Prefer,
            "require" => SslMode.Require,
            "verify-ca" => SslMode.VerifyCA,
            "verify-full" => SslMode.VerifyFull,
            _ => throw new DatabaseSettingsException($"{setting} '{value}' is not an SSL mode (disable, allow, prefer, require, verify-ca, verify-full)."),
        };
    }

    /// <summary>A port number 1-65535; <paramref name="setting"/> names the source in the error.</summary>
    public static int ParsePort(string value, string setting) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new DatabaseSettingsException($"{setting} '{value}' is not a port number (1-65535).");

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hostList)
    {
        var hosts = new List<string>();
        int? firstPort = null;
        foreach (var entry in hostList.Split(','))
        {
            string host;
            string? port = null;
            if (entry.StartsWith('['))
            {
                var close = entry.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new DatabaseSettingsException("the connection URI cannot be used: an IPv6 host has no closing ']'.");
                }

                host = entry[1..close];
                port = entry.Length > close + 1 && entry[close + 1] == ':' ? entry[(close + 2)..] : null;
            }
            else
            {
                var colon = entry.LastIndexOf(':');
                host = colon < 0 ? entry : entry[..colon];
                port = colon < 0 ? null : entry[(colon + 1)..];
            }

            host = Decode(host, "host");
            if (port is null or "")
            {
                hosts.Add(host);
                continue;
            }

            var number = ParsePort(port, "the connection URI's port");
            firstPort ??= number;
            hosts.Add(hosts.Count == 0 && !hostList.Contains(',', StringComparison.Ordinal) ? host : $"{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{number}");
        }

        if (hosts.Any(h => h.Length > 0))
        {
            builder.Host = string.Join(',', hosts);
        }

        if (firstPort is { } single && hosts.Count == 1)
        {
            builder.Port = single;
        }
    }

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "host":
                SetHosts(builder, value);
                break;
            case "port":
                builder.Port = ParsePort(value, "the connection URI's port");
                break;
            case "dbname":
                builder.Database = value;
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password = value;
                break;
            case "passfile":
                builder.Passfile = value;
                break;
            case "sslmode":
                builder.SslMode = ParseSslMode(value, "the connection URI's sslmode");
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "sslcert":
                builder.SslCertificate = value;
                break;
            case "sslkey":
                builder.SslKey = value;
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "options":
                builder.Options = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    ? seconds
                    : throw new DatabaseSettingsException($"the connection URI's connect_timeout '{value}' is not a number of seconds.");
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            default:
                throw new DatabaseSettingsException(
                    $"the connection URI's parameter '{name}' is not supported (host, port, dbname, user, password, passfile, sslmode, sslrootcert, sslcert, sslkey, application_name, options, connect_timeout, target_session_attrs).");
        }
    }

    private static string Decode(string part, string what)
    {
        try
        {
            return Uri.UnescapeDataString(part);
        }
        catch (UriFormatException)
        {
            throw new DatabaseSettingsException($"the connection URI's {what} is not percent-encoded correctly.");
        }
    }
}
