namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// Checks a study's soft invariants (<see cref="InvariantRules"/>) once, when the aggregate is built. Each broken one is a
/// finding; none throws, none changes the data. A study without a results section allocates nothing unless it breaks a rule.
/// </summary>
internal static class StudyInvariants
{
    public static List<Finding>? Check(ProtocolSection protocol, ResultsSection? results, bool? hasResults)
    {
        var findings = default(FindingList);
        ProtocolInvariants.Check(protocol, ref findings);
        ArmInvariants.Check(protocol.ArmsInterventionsModule, ref findings);
        CheckResultsFlag(results, hasResults, ref findings);
        if (results is not null)
        {
            CheckResults(results, ref findings);
        }

        return findings.Items;
    }

    /// <summary>A results section is present exactly when hasResults is true.</summary>
    private static void CheckResultsFlag(ResultsSection? results, bool? hasResults, ref FindingList findings)
    {
        if (results is not null && hasResults != true)
        {
            findings.Add(
                InvariantRules.ResultsWithoutFlag,
                "hasResults",
                hasResults?.ToString().ToLowerInvariant(),
                "The study has a results section but hasResults is not true.");
        }
        else if (results is null && hasResults == true)
        {
            findings.Add(InvariantRules.FlagWithoutResults, "resultsSection", null, "hasResults is true but the study has no results section.");
        }
    }

    private static void CheckResults(ResultsSection results, ref FindingList findings)
    {
        if (results.ParticipantFlowModule is { } flow)
        {
            ParticipantFlowInvariants.Check(flow, ref findings);
        }

        if (results.BaselineCharacteristicsModule is { } baseline)
        {
            MeasureInvariants.CheckBaseline(baseline, ref findings);
        }

        if (results.OutcomeMeasuresModule is { } outcomes)
        {
            MeasureInvariants.CheckOutcomes(outcomes, ref findings);
        }

        if (results.AdverseEventsModule is { } events)
        {
            AdverseEventInvariants.Check(events, ref findings);
        }
    }
}
