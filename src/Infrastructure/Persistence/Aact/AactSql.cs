namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// The SQL building blocks the AACT description is written with: stable ids, AACT's date rule, its numbers, its
/// lower-cased twins. Every id is <c>nct number × 2^36 + the element's ordinal path</c>, each ordinal in a fixed number of
/// bits, so the same element has the same id after any re-import (AACT's serial ids change on every reload).
/// </summary>
public static class AactSql
{
    /// <summary>
    /// A condition on a native row's <c>nct_id</c> that holds for the studies a refresh of the stored tables
    /// computes (<see cref="AactLayerSql.Refresh"/>): how a per-study aggregate reads only those studies' rows.
    /// </summary>
    public const string Changed = "{changed}";

    /// <summary>Bits below the NCT number that hold the ordinal path (2^27 NCT numbers × 2^36 paths fit a positive bigint).</summary>
    public const int PathBits = 36;

    /// <summary>
    /// The stable id of an element: the NCT number of <paramref name="nctId"/> shifted past <see cref="PathBits"/>, plus the
    /// parts of the ordinal path, each in its own bit field (outermost first; the bit widths sum to at most 36). An
    /// ordinal too large for its field (none in the registry) gives NULL rather than another element's id.
    /// </summary>
    public static string Id(string nctId, params (string Expression, int Bits)[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Sum(p => p.Bits) > PathBits)
        {
            throw new ArgumentException($"An id's ordinal path has at most {PathBits} bits.", nameof(parts));
        }

        var sum = $"(substr({nctId}, 4)::bigint << {PathBits})";
        var shift = PathBits;
        var guards = new List<string>();
        foreach (var (expression, bits) in parts)
        {
            shift -= bits;
            sum += shift == 0 ? $" + {expression}" : $" + ({expression}::bigint << {shift})";
            guards.Add($"{expression} < {1L << bits}");
        }

        return parts.Length == 0 ? sum : $"CASE WHEN {string.Join(" AND ", guards)} THEN {sum} END";
    }

    /// <summary>The number in a results group code (<c>OG003</c> → 3), or NULL for a code of another shape.</summary>
    public static string GroupNumber(string code) => $"(CASE WHEN {code} ~ '^[A-Z]{{2}}[0-9]{{1,6}}$' THEN substr({code}, 3)::int END)";

    /// <summary>
    /// The id of a result group, from the group code the registry gives it (stable within a study) and, for an outcome's
    /// groups, the outcome's ordinal: so a child row finds its group's id without a join.
    /// </summary>
    public static string ResultGroupId(string nctId, AactGroupKind kind, string groupCode, string measureOrd = "0") =>
        Id(nctId, ($"{(int)kind}", 2), (measureOrd, 14), (GroupNumber(groupCode), 20));

    /// <summary>AACT's date rule: a month gives its last day, a year its 31 December, a full date itself.</summary>
    public static string LastDay(string date, string precision) =>
        $"(CASE {precision} WHEN 'month' THEN ({date} + interval '1 month' - interval '1 day')::date " +
        $"WHEN 'year' THEN ({date} + interval '1 year' - interval '1 day')::date ELSE {date} END)";

    /// <summary>A number as an AACT integer column holds it: rounded, or NULL when it is too large for an integer.</summary>
    public static string Int(string number) => $"(CASE WHEN round({number}) BETWEEN -2147483648 AND 2147483647 THEN round({number})::int END)";

    /// <summary>
    /// A number as AACT's Ruby <c>to_i</c> makes it an integer: its integer part (6.5 → 6), or NULL when that is too large
    /// for an integer.
    /// </summary>
    public static string IntegerPart(string number) => $"(CASE WHEN trunc({number}) BETWEEN -2147483648 AND 2147483647 THEN trunc({number})::int END)";

    /// <summary>A boolean as a word AACT's varchar columns hold.</summary>
    public static string YesNo(string boolean) => $"(CASE {boolean} WHEN true THEN 'Yes' WHEN false THEN 'No' END)";

    /// <summary>A JSON boolean kept in an AACT varchar column: spelled as in the JSON.</summary>
    public static string BooleanText(string boolean) => $"(CASE {boolean} WHEN true THEN 'true' WHEN false THEN 'false' END)";
}
