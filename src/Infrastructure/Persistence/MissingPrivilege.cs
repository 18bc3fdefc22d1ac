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
        var statement = Statement(exception.BatchCommand?.CommandText);
        var verb = statement is null ? string.Empty : FirstWord().Match(statement).Value.ToUpperInvariant();
        var privilege = Privilege(exception.MessageText, verb, statement ?? string.Empty);
        var needs = statement is null ? string.Empty : $", which `{statement}` needs";
        var advice = verb is "CREATE" or "ALTER" or "COMMENT" or "DROP" or "DO"
            ? "Have the owner of the schema run `clinical migrate` first (the loader role then needs no CREATE privilege and no ownership), or grant it"
            : "Grant it: a loader role needs USAGE on the schema, SELECT, INSERT, UPDATE and DELETE on its tables and USAGE on its sequences (see docs/reliability.md)";
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
