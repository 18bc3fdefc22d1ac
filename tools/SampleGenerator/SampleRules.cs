namespace Clinical.SampleGenerator;

/// <summary>The per-path data the table description does not state: value ranges and id links that keep the trial invariants.</summary>
internal static class SampleRules
{
    private const string Flow = "resultsSection.participantFlowModule.";
    private const string Baseline = "resultsSection.baselineCharacteristicsModule.";
    private const string Outcome = "resultsSection.outcomeMeasuresModule.outcomeMeasures.";
    private const string Events = "resultsSection.adverseEventsModule.";
    private const string Arms = "protocolSection.armsInterventionsModule.";
    private static readonly FieldRule Affected = new(0, 20), AtRisk = new(20, 400);
    private static readonly FieldRule OtherNctId = new(0, 9_999_999, "NCT0{0:D7}");

    /// <summary>Stored keys the registry does not document (older downloads; a column shared with milestones): never emitted.</summary>
    public static readonly string[] Undocumented =
    [
        Arms + "interventions.interventionMappedName",
        "derivedSection.miscInfoModule.modelPredictions",
        Flow + "periods.dropWithdraws.reasons.numUnits",
    ];

    /// <summary>Rules by JSON path (arrays flattened: <c>a.b</c> is member b of the elements of array a).</summary>
    public static readonly IReadOnlyDictionary<string, FieldRule> ByPath = new Dictionary<string, FieldRule>(StringComparer.Ordinal)
    {
        ["protocolSection.identificationModule.nctIdAliases"] = OtherNctId,
        ["protocolSection.statusModule.expandedAccessInfo.nctId"] = OtherNctId,
        ["protocolSection.statusModule.overallStatus"] = new(Choices: ["RECRUITING", "RECRUITING", "RECRUITING", "COMPLETED", "COMPLETED", "ACTIVE_NOT_RECRUITING", "NOT_YET_RECRUITING", "TERMINATED", "WITHDRAWN", "UNKNOWN"]),
        ["protocolSection.designModule.studyType"] = new(Choices: ["INTERVENTIONAL", "INTERVENTIONAL", "INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"]),
        ["protocolSection.statusModule.startDateStruct.date"] = new(2012, 2015),
        ["protocolSection.statusModule.primaryCompletionDateStruct.date"] = new(2016, 2019),
        ["protocolSection.statusModule.completionDateStruct.date"] = new(2020, 2023),
        ["protocolSection.designModule.enrollmentInfo.count"] = new(0, 2_000),
        ["protocolSection.eligibilityModule.minimumAge"] = new(1, 25),
        ["protocolSection.eligibilityModule.maximumAge"] = new(30, 90),
        [Arms + "armGroups.label"] = new(Format: "Arm {0}", Declares: true),
        [Arms + "interventions.armGroupLabels"] = new(RefersTo: Arms + "armGroups.label"),
        [Arms + "interventions.name"] = new(Format: "Intervention {0}", Declares: true),
        [Arms + "armGroups.interventionNames"] = new(0, 0, "Intervention {0}"), // arm groups come first: they name the first intervention
        [Flow + "groups.id"] = new(Format: "FG{0:D3}", Declares: true),
        [Flow + "periods.milestones.achievements.groupId"] = new(RefersTo: Flow + "groups.id"),
        [Flow + "periods.dropWithdraws.reasons.groupId"] = new(RefersTo: Flow + "groups.id"),
        [Baseline + "groups.id"] = new(Format: "BG{0:D3}", Declares: true),
        [Baseline + "denoms.counts.groupId"] = new(RefersTo: Baseline + "groups.id"),
        [Baseline + "measures.denoms.counts.groupId"] = new(RefersTo: Baseline + "groups.id"),
        [Baseline + "measures.classes.denoms.counts.groupId"] = new(RefersTo: Baseline + "groups.id"),
        [Baseline + "measures.classes.categories.measurements.groupId"] = new(RefersTo: Baseline + "groups.id"),
        [Outcome + "groups.id"] = new(Format: "OG{0:D3}", Declares: true),
        [Outcome + "denoms.counts.groupId"] = new(RefersTo: Outcome + "groups.id"),
        [Outcome + "classes.denoms.counts.groupId"] = new(RefersTo: Outcome + "groups.id"),
        [Outcome + "classes.categories.measurements.groupId"] = new(RefersTo: Outcome + "groups.id"),
        [Outcome + "analyses.groupIds"] = new(RefersTo: Outcome + "groups.id"),
        [Events + "eventGroups.id"] = new(Format: "EG{0:D3}", Declares: true),
        [Events + "eventGroups.deathsNumAffected"] = Affected,
        [Events + "eventGroups.deathsNumAtRisk"] = AtRisk,
        [Events + "eventGroups.seriousNumAffected"] = Affected,
        [Events + "eventGroups.seriousNumAtRisk"] = AtRisk,
        [Events + "eventGroups.otherNumAffected"] = Affected,
        [Events + "eventGroups.otherNumAtRisk"] = AtRisk,
        [Events + "seriousEvents.stats.groupId"] = new(RefersTo: Events + "eventGroups.id"),
        [Events + "seriousEvents.stats.numAffected"] = Affected,
        [Events + "seriousEvents.stats.numAtRisk"] = AtRisk,
        [Events + "otherEvents.stats.groupId"] = new(RefersTo: Events + "eventGroups.id"),
        [Events + "otherEvents.stats.numAffected"] = Affected,
        [Events + "otherEvents.stats.numAtRisk"] = AtRisk,
    };

    /// <summary>Text by field name, for free-text fields whose name says what they hold.</summary>
    public static readonly IReadOnlyDictionary<string, FieldRule> ByName = new Dictionary<string, FieldRule>(StringComparer.Ordinal)
    {
        ["email"] = new(1, 9_999, "contact{0}@example.org"),
        ["phone"] = new(100, 999, "+1 555 0{0}"),
        ["phoneExt"] = new(1, 999, "{0}"),
        ["sourceVocabulary"] = new(20, 27, "MedDRA {0}.0"),
        ["url"] = new(1, 9_999, "https://example.org/studies/{0}"),
        ["link"] = new(1, 9_999, "https://example.org/ids/{0}"),
        ["pmid"] = new(10_000_000, 39_999_999, "{0}"),
        ["country"] = new(Choices: ["United States", "United States", "Germany", "France", "Japan", "Brazil", "Kenya", "India", "Canada"]),
    };

    public static FieldRule For(string path, string name) =>
        ByPath.GetValueOrDefault(path) ?? ByName.GetValueOrDefault(name) ?? new FieldRule();
}
