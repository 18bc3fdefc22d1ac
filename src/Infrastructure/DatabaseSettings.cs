using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Clinical.Infrastructure;

/// <summary>
/// Where the database is and how long one statement may run. The database comes from a connection string or
/// <c>postgresql://</c> URI, the variables of the original Python tool (DBHOST, DBPORT, DBNAME, DBUSER, DBPASSWORD) and
/// libpq's PG* variables, one setting at a time in that order (see <see cref="ConnectionSources"/>; any Npgsql keyword
/// passes through, e.g. SSL Mode). The statement timeout comes from <c>--statement-timeout</c>, else
/// <see cref="StatementTimeoutVariable"/>, else <see cref="DefaultStatementTimeout"/>; it is the server's
/// <c>statement_timeout</c> on every connection, and the client's command timeout is set a minute longer so that the
/// server's clear error, not a client-side abort, ends a statement that runs too long. The native schema comes from
/// <c>--schema</c>, else <see cref="DatabaseSchema.Variable"/>, else <see cref="DatabaseSchema.DefaultName"/>.
/// </summary>
public sealed partial class DatabaseSettings
{
    public const string StatementTimeoutVariable = "CLINICAL_STATEMENT_TIMEOUT";

    /// <summary>
    /// One hour. The largest single statement of an import is the primary-key build of the largest table after a first load.
    /// For the whole registry that build takes on the order of a minute on a small machine (docs/performance.md), so one
    /// hour leaves a wide margin for slower disks and larger registries, while a statement that hangs is still ended.
    /// </summary>
    public static readonly TimeSpan DefaultStatementTimeout = TimeSpan.FromHours(1);

    // PostgreSQL's limit for statement_timeout is INT_MAX milliseconds (24.8 days).
    private static readonly TimeSpan MaxStatementTimeout = TimeSpan.FromDays(24);

    private static readonly TimeSpan CommandTimeoutMargin = TimeSpan.FromMinutes(1);

    private readonly string? _password;

    private DatabaseSettings(NpgsqlConnectionStringBuilder builder, TimeSpan statementTimeout, DatabaseSchema schema)
    {
        StatementTimeout = statementTimeout;
        Schema = schema;
        _password = builder.Password;
        Description = $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
        User = builder.Username ?? string.Empty;
        builder.IncludeFailedBatchedCommand = true; // an error can then name the statement that failed (e.g. a missing privilege)
        var milliseconds = (long)statementTimeout.TotalMilliseconds;
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? $"-c statement_timeout={milliseconds}"
            : $"{builder.Options} -c statement_timeout={milliseconds}";
        builder.CommandTimeout = statementTimeout == TimeSpan.Zero ? 0 : (int)Math.Ceiling((statementTimeout + CommandTimeoutMargin).TotalSeconds);
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The Npgsql connection string, statement timeout included.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's <c>statement_timeout</c> on every connection; <see cref="TimeSpan.Zero"/> is none.</summary>
    public TimeSpan StatementTimeout { get; }

    /// <summary>The schema of the native tables, validated; every SQL builder takes it from here (through DI).</summary>
    public DatabaseSchema Schema { get; }

    /// <summary>host:port/database as user — never the password.</summary>
    public string Description { get; }

    /// <summary>The login role.</summary>
    public string User { get; }

    /// <summary>How long a broken connection is retried (<see cref="Persistence.RetryBudget.AttemptsVariable"/>, <see cref="Persistence.RetryBudget.PauseVariable"/>).</summary>
    public Persistence.RetryBudget Retry { get; private init; } = Persistence.RetryBudget.Default;

    /// <summary>
    /// The settings from a connection string or URI, the DB* variables, the PG* variables and the defaults, one setting at
    /// a time in that order (<see cref="ConnectionSources"/>), and a statement timeout (when given, else the variable, else the default). Throws <see cref="DatabaseSettingsException"/>
    /// naming the setting that is wrong.
    /// </summary>
    public static DatabaseSettings Resolve(string? connectionString, string? statementTimeout, Func<string, string?> environment) =>
        Resolve(connectionString, statementTimeout, schema: null, environment);

    /// <summary>
    /// As <see cref="Resolve(string?, string?, Func{string, string?})"/>, and the native schema: <paramref name="schema"/>
    /// when given, else <see cref="DatabaseSchema.Variable"/>, else <see cref="DatabaseSchema.DefaultName"/>.
    /// </summary>
    public static DatabaseSettings Resolve(string? connectionString, string? statementTimeout, string? schema, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var builder = ConnectionSources.Resolve(connectionString, environment);
        var timeout = statementTimeout is not null
            ? ParseTimeout(statementTimeout, "--statement-timeout")
            : environment(StatementTimeoutVariable) is { Length: > 0 } variable
                ? ParseTimeout(variable, StatementTimeoutVariable)
                : DefaultStatementTimeout;
        var native = schema is not null
            ? DatabaseSchema.Parse(schema, "--schema")
            : environment(DatabaseSchema.Variable) is { Length: > 0 } variableSchema
                ? DatabaseSchema.Parse(variableSchema, DatabaseSchema.Variable)
                : DatabaseSchema.Default;
        return new DatabaseSettings(builder, timeout, native) { Retry = Persistence.RetryBudget.Resolve(environment) };
    }

    /// <summary>
    /// A duration as PostgreSQL writes one: a number and a unit (<c>ms</c>, <c>s</c>, <c>min</c>, <c>h</c>, <c>d</c>),
    /// e.g. <c>90s</c>, <c>30min</c>, <c>1.5h</c>; <c>0</c> is none. <paramref name="setting"/> names the source in the error.
    /// </summary>
    public static TimeSpan ParseTimeout(string text, string setting)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            return TimeSpan.Zero;
        }

        var match = DurationPattern().Match(trimmed);
        if (!match.Success)
        {
            throw new DatabaseSettingsException($"{setting} '{text}' is not a duration: give a number and a unit (ms, s, min, h, d), e.g. 90s, 30min or 1h, or 0 for none.");
        }

        var number = double.Parse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var timeout = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "min" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => TimeSpan.FromDays(number),
        };
        if (timeout != TimeSpan.Zero && (timeout < TimeSpan.FromMilliseconds(1) || timeout > MaxStatementTimeout))
        {
            throw new DatabaseSettingsException($"{setting} '{text}' is out of range: between 1ms and {MaxStatementTimeout.TotalDays:N0}d, or 0 for none.");
        }

        return timeout;
    }

    /// <summary>A timeout in the largest unit that states it exactly: "1 h", "90 min", "90 s", "500 ms", "none".</summary>
    public static string FormatTimeout(TimeSpan timeout)
    {
        var milliseconds = (long)timeout.TotalMilliseconds;
        return milliseconds switch
        {
            0 => "none",
            _ when milliseconds % 3_600_000 == 0 => $"{milliseconds / 3_600_000} h",
            _ when milliseconds % 60_000 == 0 => $"{milliseconds / 60_000} min",
            _ when milliseconds % 1_000 == 0 => $"{milliseconds / 1_000} s",
            _ => $"{milliseconds} ms",
        };
    }

    /// <summary>Removes the password from a text that may echo the connection string.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.IsNullOrEmpty(_password) ? text : text.Replace(_password, "********", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<number>\d+(\.\d+)?)\s*(?<unit>ms|s|min|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
