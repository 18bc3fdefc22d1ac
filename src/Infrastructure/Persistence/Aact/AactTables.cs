using static Clinical.Infrastructure.Persistence.Aact.AactSql;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// AACT's 46 study tables (ctti-clinicaltrials/aact db/structure.sql, commit 5a060286), each described as SQL over our
/// native tables: AACT's table and column names in AACT's order, compatible types, AACT's conversions. <c>{n}</c> is the
/// native schema. The tables themselves are in AactTables.Protocol.cs and AactTables.Results.cs, in AACT's order.
/// </summary>
public static partial class AactTables
{
    private const string V = "character varying";
    private const string T = "text";
    private const string I = "integer";
    private const string D = "date";
    private const string B = "boolean";
    private const string N = "numeric";
    private const string Ts = "timestamp without time zone";
    private const string Big = "bigint";

    /// <summary>The note of every id column.</summary>
    public const string IdNote = "stable: nct number × 2^36 + the element's ordinal path (AACT: an integer serial renumbered on every reload); bigint because 32 bits cannot hold a collision-free stable id";

    private const string NoV2Source = "no v2 source (a v1-era column AACT keeps empty)";

    private static AactColumn C(string name, string type, string expression, string? note = null) => new(name, type, expression, note);

    private static AactColumn IdColumn(string expression) => new("id", Big, expression, IdNote);

    private static AactColumn Fk(string name, string expression) => new(name, Big, expression, "the referenced row's stable id");

    private static AactColumn Nct(string alias) => new("nct_id", V, $"{alias}.nct_id");

    private static AactColumn Null(string name, string type) => new(name, type, $"NULL::{type}", NoV2Source);

    private static AactTable Table(string name, string grain, string from, params AactColumn[] columns) => new(name, grain, from, columns);

    /// <summary>
    /// The countries AACT's has_us_facility counts as the US (its facility.rb list, exactly): the United States, its
    /// territories as the registry spells them, and the minor outlying islands one by one.
    /// </summary>
    private static readonly string[] UsTerritories =
    [
        "United States", "Guam", "Puerto Rico", "U.S. Virgin Islands", "Virgin Islands (U.S.)", "Northern Mariana Islands",
        "American Samoa", "Midway Atoll", "Palmyra Atoll", "Baker Island", "Howland Island", "Jarvis Island", "Johnston Atoll",
        "Kingman Reef", "Wake Island", "Navassa Island", "Serranilla Bank", "Bajo Nuevo Bank",
    ];

    private static string StudyDate(string column) => LastDay($"s.{column}", $"s.{column}_precision");

    /// <summary>
    /// A per-study aggregate over a native child table, joined to the study <c>s</c> as <paramref name="alias"/> (NULL
    /// columns for a study without rows): one grouped pass over the rows of the studies being refreshed
    /// (<see cref="AactSql.Changed"/>), where a subquery per study would probe the child table once per study and column.
    /// </summary>
    private static string PerStudy(string alias, string table, string aggregates) =>
        $" LEFT JOIN (SELECT x.nct_id, {aggregates} FROM {{n}}.{table} x WHERE x.{Changed} GROUP BY x.nct_id) {alias} ON {alias}.nct_id = s.nct_id";

    /// <summary>
    /// The adverse-event subjects of one kind (serious / other), counted once, from <see cref="AdverseEventGroups"/>
    /// (joined as <c>ae</c>): groups whose participants at risk equal the sum of all the other groups' (a "Total" or
    /// combined group, e.g. "Migraine + Cluster Headache") are left out; when the remaining groups still hold more
    /// participants at risk than the study enrolled, they overlap (per-period or crossover groups, the same people counted
    /// in each) and no sum is right: NULL.
    /// </summary>
    private static string AeSubjects(string kind) =>
        $"CASE WHEN ae.{kind}_at_risk > s.enrollment THEN NULL ELSE ae.{kind}_affected::int END";

    /// <summary>Per study, for each kind of adverse event, the sums over its event groups other than a total group (see <see cref="AeSubjects"/>).</summary>
    private static string AdverseEventGroups()
    {
        static string Group(string kind) =>
            $"e.{kind}_num_affected, coalesce(e.{kind}_num_at_risk, 0) AS {kind}_at_risk, " +
            $"count(*) OVER w > 2 AND 2 * coalesce(e.{kind}_num_at_risk, 0) = sum(coalesce(e.{kind}_num_at_risk, 0)) OVER w AS {kind}_total";
        static string Sums(string kind) =>
            $"sum(g.{kind}_at_risk) FILTER (WHERE NOT g.{kind}_total) AS {kind}_at_risk, sum(g.{kind}_num_affected) FILTER (WHERE NOT g.{kind}_total) AS {kind}_affected";
        return $" LEFT JOIN (SELECT g.nct_id, {Sums("other")}, {Sums("serious")} " +
               $"FROM (SELECT e.nct_id, {Group("other")}, {Group("serious")} FROM {{n}}.event_groups e WHERE e.{Changed} WINDOW w AS (PARTITION BY e.nct_id)) g " +
               "GROUP BY g.nct_id) ae ON ae.nct_id = s.nct_id";
    }

    /// <summary>The AE-total rule, as docs/aact.md states it.</summary>
    public const string AeTotalsRule =
        "Subjects with serious (other) adverse events are the sum of the event groups' seriousNumAffected (otherNumAffected), " +
        "counting each person once: (1) a group whose participants at risk equal the sum of all the other groups' at risk " +
        "(a \"Total\" group, or a combined group such as \"Migraine + Cluster Headache\") is left out of the sum; (2) if the " +
        "remaining groups still hold more participants at risk than the study enrolled, the groups overlap (per-period groups " +
        "such as \"Double-Blind Phase\" and \"Open-Label Phase\", or crossover arms: the same people in several groups), and " +
        "the value is NULL, since no sum of group totals counts each person once. AACT sums reported_events.subjects_affected " +
        "over every term and group instead, which counts a person once per event and once per group.";

    /// <summary>Every table: the protocol's, then the results'.</summary>
    public static IReadOnlyList<AactTable> All { get; } = [.. ProtocolTables(), .. ResultTables()];
}
