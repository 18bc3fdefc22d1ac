using System.Text;
using System.Text.RegularExpressions;

namespace Clinical.Infrastructure;

/// <summary>
/// The PostgreSQL schema that holds Clinical's native tables (docs/decisions, "The native schema"): <see cref="DefaultName"/> unless <c>--schema</c> or
/// <see cref="Variable"/> names another. A name a user types is checked by <see cref="Parse"/> (lower-case letters,
/// digits and underscores, at most 63 bytes, not <c>pg_*</c>, not the AACT layer's <c>ctgov</c>) and is still written
/// quoted in every statement (<see cref="Identifier"/>), so a reserved word such as <c>user</c> works and a name can never
/// become SQL.
/// </summary>
public sealed partial class DatabaseSchema
{
    /// <summary>The native schema when none is configured.</summary>
    public const string DefaultName = "registry";

    /// <summary>The environment variable that names the native schema (the <c>--schema</c> option wins over it).</summary>
    public const string Variable = "CLINICAL_SCHEMA";

    /// <summary>The schema of the AACT-compatible layer (issue #12); the native tables never live there.</summary>
    public const string AactSchemaName = "ctgov";

    // PostgreSQL's NAMEDATALEN - 1: a longer name would be silently truncated by the server.
    private const int MaxBytes = 63;

    private DatabaseSchema(string name)
    {
        Name = name;
        Identifier = QuoteIdentifier(name);
    }

    /// <summary>The native schema <see cref="DefaultName"/>.</summary>
    public static DatabaseSchema Default { get; } = new(DefaultName);

    /// <summary>The name as the user gave it (and as the catalog stores it).</summary>
    public string Name { get; }

    /// <summary>The name quoted as an SQL identifier, e.g. <c>"registry"</c>: what statements use.</summary>
    public string Identifier { get; }

    /// <summary>The name as an SQL string literal, e.g. <c>'registry'</c>, for catalog lookups such as <c>nspname = ...</c>.</summary>
    public string Literal => "'" + Name.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A table (or view) of this schema, e.g. <c>"registry".studies</c>. Table names are the description's own constants.</summary>
    public string Qualified(string table) => $"{Identifier}.{table}";

    /// <summary>
    /// The schema a user named, or a <see cref="DatabaseSettingsException"/> saying in one line why it cannot be used.
    /// <paramref name="setting"/> names where the name came from (<c>--schema</c>, <see cref="Variable"/>).
    /// </summary>
    public static DatabaseSchema Parse(string name, string setting)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new DatabaseSettingsException($"{setting} is empty: name a schema, e.g. {DefaultName}.");
        }

        if (Encoding.UTF8.GetByteCount(name) > MaxBytes)
        {
            throw new DatabaseSettingsException($"{setting} is longer than PostgreSQL's {MaxBytes} bytes for a name.");
        }

        if (!NamePattern().IsMatch(name))
        {
            throw new DatabaseSettingsException(
                $"{setting} '{name}' is not a schema name Clinical accepts: use lower-case letters, digits and underscores, starting with a letter or underscore (e.g. {DefaultName}).");
        }

        if (name.StartsWith("pg_", StringComparison.Ordinal))
        {
            throw new DatabaseSettingsException($"{setting} '{name}': names starting with pg_ are reserved by PostgreSQL.");
        }

        if (name == AactSchemaName)
        {
            throw new DatabaseSettingsException($"{setting} '{name}' is the AACT-compatible layer's schema: choose another name for the native tables (default {DefaultName}).");
        }

        return name == DefaultName ? Default : new DatabaseSchema(name);
    }

    /// <summary>Quotes any text as an SQL identifier (PostgreSQL's <c>quote_ident</c> rule: double quotes around, inner ones doubled).</summary>
    public static string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public override string ToString() => Name;

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
