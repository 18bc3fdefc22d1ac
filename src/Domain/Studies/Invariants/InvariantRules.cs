namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The names of the study's soft invariants, as stored in a finding's rule. A broken soft invariant never stops a study from
/// loading: the study is stored whole and the finding says where the record contradicts itself. docs/data-quality.md
/// explains each rule. The one hard invariant, a valid NCT number, throws instead.
/// </summary>
public static class InvariantRules
{
    /// <summary>A results section is present but hasResults is not true.</summary>
    public const string ResultsWithoutFlag = "results-without-flag";

    /// <summary>hasResults is true but no results section is present.</summary>
    public const string FlagWithoutResults = "flag-without-results";

    /// <summary>A groupId names no group of its module's (or outcome measure's) groups list.</summary>
    public const string UndeclaredGroupId = "undeclared-group-id";

    /// <summary>The minimum age is above the maximum age.</summary>
    public const string MinAgeAboveMaxAge = "min-age-above-max-age";

    /// <summary>The enrollment count is negative.</summary>
    public const string NegativeEnrollment = "negative-enrollment";

    /// <summary>Of the ACTUAL start, primary completion and completion dates, a later one is before an earlier one.</summary>
    public const string DatesOutOfOrder = "dates-out-of-order";

    /// <summary>An intervention names an arm group label that no arm group has.</summary>
    public const string UnknownArmGroupLabel = "unknown-arm-group-label";

    /// <summary>An arm group names an intervention ("Type: Name") that no intervention has.</summary>
    public const string UnknownInterventionName = "unknown-intervention-name";

    /// <summary>More participants affected than at risk, in an adverse-event stat or an event group's totals.</summary>
    public const string AffectedExceedsAtRisk = "affected-exceeds-at-risk";

    /// <summary>A value that is a key within its list (a group id, an arm group label, a group in a per-group list) repeats.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>Every soft invariant's rule name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ResultsWithoutFlag,
        FlagWithoutResults,
        UndeclaredGroupId,
        MinAgeAboveMaxAge,
        NegativeEnrollment,
        DatesOutOfOrder,
        UnknownArmGroupLabel,
        UnknownInterventionName,
        AffectedExceedsAtRisk,
        DuplicateKey,
    ];
}
