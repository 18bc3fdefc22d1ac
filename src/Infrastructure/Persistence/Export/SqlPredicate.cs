namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// Checks that a --where text is one SQL expression that can stand in parentheses: not empty, brackets balanced, no ';'
/// and no comment left open (strings, quoted names, dollar quotes and comments are skipped). The database parses the rest,
/// inside a read-only transaction, as a single statement.
/// </summary>
public static class SqlPredicate
{
    /// <summary>Why <paramref name="sql"/> is not a single predicate, or null when it is one.</summary>
    public static string? Problem(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (string.IsNullOrWhiteSpace(sql))
        {
            return "the predicate is empty.";
        }

        var depth = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            switch (c)
            {
                case '\'' or '"':
                    i = sql.IndexOf(c, i + 1);
                    if (i < 0)
                    {
                        return $"a {(c == '\'' ? "string" : "quoted name")} is not closed.";
                    }

                    break;
                case '-' when At(sql, i, "--"):
                    i = sql.IndexOf('\n', i);
                    i = i < 0 ? sql.Length : i;
                    break;
                case '/' when At(sql, i, "/*"):
                    i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (i < 0)
                    {
                        return "a /* comment is not closed.";
                    }

                    i++;
                    break;
                case '$' when DollarTag(sql, i) is { } tag:
                    i = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                    if (i < 0)
                    {
                        return $"a {tag} quoted string is not closed.";
                    }

                    i += tag.Length - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth < 0:
                    return "a ')' closes a bracket the predicate did not open.";
                case ';':
                    return "a ';' ends the statement: give one condition, as after WHERE.";
            }
        }

        return depth == 0 ? null : "a '(' is not closed.";
    }

    private static bool At(string sql, int index, string token) => string.CompareOrdinal(sql, index, token, 0, token.Length) == 0;

    /// <summary>The dollar-quote tag ($$ or $name$) starting at <paramref name="index"/>, or null for a parameter ($1) or none.</summary>
    private static string? DollarTag(string sql, int index)
    {
        var end = index + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_' || (end > index + 1 && char.IsDigit(sql[end]))))
        {
            end++;
        }

        return end < sql.Length && sql[end] == '$' ? sql[index..(end + 1)] : null;
    }
}
