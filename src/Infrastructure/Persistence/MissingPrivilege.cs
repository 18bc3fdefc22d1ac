using System.Text.RegularExpressions;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// Reads a PostgreSQL "permission denied" (SQLSTATE 42501) as what the user needs to know: which privilege the role lacks
/// on which object, and which statement needed it, e.g. "the CREATE privilege on database clinical, which CREATE SCHEMA IF
/// NOT EXISTS ctgov needs".
/// </summary>
internal static partial class MissingPrivilege
{
    private const int StatementLength = 80;

    /// <summary>One sentence: the privilege, the object, the statement, and what to do.</summary>
    public static string Describe(PostgresException exception, string role)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var statement = Statement(FailedStatement(exception.BatchCommand?.CommandText, exception.MessageText));
        var verb = statement is null ? string.Empty : FirstWord().Match(statement).Value.ToUpperInvariant();
        var privilege = Privilege(exception.MessageText, verb, statement ?? string.Empty);
        var needs = statement is null ? string.Empty : $", which `{statement}` needs";
        var advice = verb is "CREATE" or "ALTER" or "COMMENT" or "DROP" or "DO"
            ? "Have the owner of the schema run `clinical migrate` first (the loader role then needs no CREATE privilege and no ownership), or grant it"
            : "Grant it: a loader role needs USAGE on the schema and SELECT, INSERT, UPDATE and DELETE on its tables (see docs/reliability.md)";
        return $"the role {role} lacks {privilege}{needs} ({exception.MessageText}). {advice}.";
    }

    private static string Privilege(string message, string verb, string statement)
    {
        var match = Denied().Match(message);
        if (match.Success)
        {
            var (kind, name) = (match.Groups["kind"].Value, match.Groups["name"].Value);
            return kind switch
            {
                "database" => $"the CREATE privilege on database {name}",
                "schema" when verb is "CREATE" or "ALTER" or "COMMENT" or "DROP" => $"the CREATE privilege on schema {name}",
                "schema" => $"the USAGE privilege on schema {name}",
                "sequence" => $"the USAGE privilege on sequence {name}",
                _ => $"the {TablePrivilege(verb, statement)} privilege on {kind} {name}",
            };
        }

        var owner = MustBeOwner().Match(message);
        return owner.Success ? $"ownership of {owner.Groups["what"].Value}" : "a privilege";
    }

    private static string TablePrivilege(string verb, string statement) => verb switch
    {
        "INSERT" when statement.Contains("ON CONFLICT", StringComparison.OrdinalIgnoreCase) => "INSERT and UPDATE",
        "INSERT" or "COPY" => "INSERT",
        "UPDATE" or "DELETE" or "TRUNCATE" => verb,
        _ => "SELECT",
    };

    /// <summary>
    /// The statement of <paramref name="sql"/> that needed the privilege: the command itself when it holds one statement;
    /// in a script (the schema's DDL), the first statement that needs what the message names: CREATE SCHEMA for a database,
    /// an INSERT for a sequence, else the first statement that names the object.
    /// </summary>
    private static string? FailedStatement(string? sql, string message)
    {
        var statements = (sql ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statements.Length <= 1)
        {
            return statements.FirstOrDefault();
        }

        var denied = Denied().Match(message);
        var owner = MustBeOwner().Match(message);
        var kind = denied.Success ? denied.Groups["kind"].Value : string.Empty;
        var name = denied.Success ? denied.Groups["name"].Value : owner.Success ? owner.Groups["what"].Value.Split(' ')[^1] : null;
        return kind switch
        {
            "database" => statements.FirstOrDefault(s => s.StartsWith("CREATE SCHEMA", StringComparison.OrdinalIgnoreCase)),
            "sequence" => statements.FirstOrDefault(s => s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)),
            _ when name is not null => statements.FirstOrDefault(s => ObjectName(name).IsMatch(s)),
            _ => null,
        } ?? statements[0];
    }

    private static Regex ObjectName(string name) => new($@"(?<![\w$]){Regex.Escape(name)}(?![\w$])", RegexOptions.CultureInvariant);

    /// <summary>The statement's start on one line, cut to <see cref="StatementLength"/> characters.</summary>
    private static string? Statement(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            return null;
        }

        var line = Whitespace().Replace(sql.Trim(), " ");
        return line.Length <= StatementLength ? line : string.Concat(line.AsSpan(0, StatementLength), "…");
    }

    [GeneratedRegex(@"^permission denied for (?<kind>database|schema|table|sequence|relation|view|function) (?<name>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"^must be owner of (?<what>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MustBeOwner();

    [GeneratedRegex(@"^\w+", RegexOptions.CultureInvariant)]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
