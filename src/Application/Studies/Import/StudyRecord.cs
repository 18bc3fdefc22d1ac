// Wire-format records of the ClinicalTrials.gov API v2 study (every field of /studies/metadata, plus the undocumented
// legacy keys seen in real downloads). Lenient on purpose: every member is optional, enums and dates stay strings;
// the mapping step (StudyMapper) turns them into the domain model. Property names follow the wire names in camelCase.
namespace Clinical.Application.Studies.Import;

public sealed record StudyRecord
{
    public ProtocolSectionRecord? ProtocolSection { get; init; }
    public ResultsSectionRecord? ResultsSection { get; init; }
    public AnnotationSectionRecord? AnnotationSection { get; init; }
    public DocumentSectionRecord? DocumentSection { get; init; }
    public DerivedSectionRecord? DerivedSection { get; init; }
    public bool? HasResults { get; init; }
}

public sealed record ProtocolSectionRecord
{
    public IdentificationModuleRecord? IdentificationModule { get; init; }
    public StatusModuleRecord? StatusModule { get; init; }
    public SponsorCollaboratorsModuleRecord? SponsorCollaboratorsModule { get; init; }
    public OversightModuleRecord? OversightModule { get; init; }
    public DescriptionModuleRecord? DescriptionModule { get; init; }
    public ConditionsModuleRecord? ConditionsModule { get; init; }
    public DesignModuleRecord? DesignModule { get; init; }
    public ArmsInterventionsModuleRecord? ArmsInterventionsModule { get; init; }
    public OutcomesModuleRecord? OutcomesModule { get; init; }
    public EligibilityModuleRecord? EligibilityModule { get; init; }
    public ContactsLocationsModuleRecord? ContactsLocationsModule { get; init; }
    public ReferencesModuleRecord? ReferencesModule { get; init; }
    public IpdSharingStatementModuleRecord? IpdSharingStatementModule { get; init; }
}

public sealed record IdentificationModuleRecord
{
    public string? NctId { get; init; }
    public IReadOnlyList<string>? NctIdAliases { get; init; }
    public OrgStudyIdInfoRecord? OrgStudyIdInfo { get; init; }
    public IReadOnlyList<SecondaryIdInfoRecord>? SecondaryIdInfos { get; init; }
    public string? BriefTitle { get; init; }
    public string? OfficialTitle { get; init; }
    public string? Acronym { get; init; }
    public OrganizationRecord? Organization { get; init; }
}

public sealed record OrgStudyIdInfoRecord
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Link { get; init; }
}

public sealed record SecondaryIdInfoRecord
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Domain { get; init; }
    public string? Link { get; init; }
}

public sealed record OrganizationRecord
{
    public string? FullName { get; init; }
    public string? Class { get; init; }
}

public sealed record StatusModuleRecord
{
    public string? StatusVerifiedDate { get; init; }
    public string? OverallStatus { get; init; }
    public string? LastKnownStatus { get; init; }
    public bool? DelayedPosting { get; init; }
    public string? WhyStopped { get; init; }
    public ExpandedAccessInfoRecord? ExpandedAccessInfo { get; init; }
    public PartialDateStructRecord? StartDateStruct { get; init; }
    public PartialDateStructRecord? PrimaryCompletionDateStruct { get; init; }
    public PartialDateStructRecord? CompletionDateStruct { get; init; }
    public string? StudyFirstSubmitDate { get; init; }
    public string? StudyFirstSubmitQcDate { get; init; }
    public DateStructRecord? StudyFirstPostDateStruct { get; init; }
    public bool? ResultsWaived { get; init; }
    public string? ResultsFirstSubmitDate { get; init; }
    public string? ResultsFirstSubmitQcDate { get; init; }
    public DateStructRecord? ResultsFirstPostDateStruct { get; init; }
    public string? DispFirstSubmitDate { get; init; }
    public string? DispFirstSubmitQcDate { get; init; }
    public DateStructRecord? DispFirstPostDateStruct { get; init; }
    public string? LastUpdateSubmitDate { get; init; }
    public DateStructRecord? LastUpdatePostDateStruct { get; init; }
}

public sealed record ExpandedAccessInfoRecord
{
    public bool? HasExpandedAccess { get; init; }
    public string? NctId { get; init; }
    public string? StatusForNctId { get; init; }
}

public sealed record PartialDateStructRecord
{
    public string? Date { get; init; }
    public string? Type { get; init; }
}

public sealed record DateStructRecord
{
    public string? Date { get; init; }
    public string? Type { get; init; }
}

public sealed record SponsorCollaboratorsModuleRecord
{
    public ResponsiblePartyRecord? ResponsibleParty { get; init; }
    public SponsorRecord? LeadSponsor { get; init; }
    public IReadOnlyList<SponsorRecord>? Collaborators { get; init; }
}

public sealed record ResponsiblePartyRecord
{
    public string? Type { get; init; }
    public string? InvestigatorFullName { get; init; }
    public string? InvestigatorTitle { get; init; }
    public string? InvestigatorAffiliation { get; init; }
    public string? OldNameTitle { get; init; }
    public string? OldOrganization { get; init; }
}

public sealed record SponsorRecord
{
    public string? Name { get; init; }
    public string? Class { get; init; }
}

public sealed record OversightModuleRecord
{
    public bool? OversightHasDmc { get; init; }
    public bool? IsFdaRegulatedDrug { get; init; }
    public bool? IsFdaRegulatedDevice { get; init; }
    public bool? IsUnapprovedDevice { get; init; }
    public bool? IsPpsd { get; init; }
    public bool? IsUsExport { get; init; }
    public bool? Fdaaa801Violation { get; init; }
}

public sealed record DescriptionModuleRecord
{
    public string? BriefSummary { get; init; }
    public string? DetailedDescription { get; init; }
}

public sealed record ConditionsModuleRecord
{
    public IReadOnlyList<string>? Conditions { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
}

public sealed record DesignModuleRecord
{
    public string? StudyType { get; init; }
    public double? NPtrsToThisExpAccNctId { get; init; }
    public ExpandedAccessTypesRecord? ExpandedAccessTypes { get; init; }
    public bool? PatientRegistry { get; init; }
    public string? TargetDuration { get; init; }
    public IReadOnlyList<string>? Phases { get; init; }
    public DesignInfoRecord? DesignInfo { get; init; }
    public BioSpecRecord? BioSpec { get; init; }
    public EnrollmentInfoRecord? EnrollmentInfo { get; init; }
}

public sealed record ExpandedAccessTypesRecord
{
    public bool? Individual { get; init; }
    public bool? Intermediate { get; init; }
    public bool? Treatment { get; init; }
}

public sealed record DesignInfoRecord
{
    public string? Allocation { get; init; }
    public string? InterventionModel { get; init; }
    public string? InterventionModelDescription { get; init; }
    public string? PrimaryPurpose { get; init; }
    public string? ObservationalModel { get; init; }
    public string? TimePerspective { get; init; }
    public MaskingBlockRecord? MaskingInfo { get; init; }
}

public sealed record MaskingBlockRecord
{
    public string? Masking { get; init; }
    public string? MaskingDescription { get; init; }
    public IReadOnlyList<string>? WhoMasked { get; init; }
}

public sealed record BioSpecRecord
{
    public string? Retention { get; init; }
    public string? Description { get; init; }
}

public sealed record EnrollmentInfoRecord
{
    public int? Count { get; init; }
    public string? Type { get; init; }
}

public sealed record ArmsInterventionsModuleRecord
{
    public IReadOnlyList<ArmGroupRecord>? ArmGroups { get; init; }
    public IReadOnlyList<InterventionRecord>? Interventions { get; init; }
}

public sealed record ArmGroupRecord
{
    public string? Label { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? InterventionNames { get; init; }
}

public sealed record InterventionRecord
{
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? ArmGroupLabels { get; init; }
    public IReadOnlyList<string>? OtherNames { get; init; }
    public IReadOnlyList<string>? InterventionMappedName { get; init; }
}

public sealed record OutcomesModuleRecord
{
    public IReadOnlyList<OutcomeRecord>? PrimaryOutcomes { get; init; }
    public IReadOnlyList<OutcomeRecord>? SecondaryOutcomes { get; init; }
    public IReadOnlyList<OutcomeRecord>? OtherOutcomes { get; init; }
}

public sealed record OutcomeRecord
{
    public string? Measure { get; init; }
    public string? Description { get; init; }
    public string? TimeFrame { get; init; }
}

public sealed record EligibilityModuleRecord
{
    public string? EligibilityCriteria { get; init; }
    public bool? HealthyVolunteers { get; init; }
    public string? Sex { get; init; }
    public bool? GenderBased { get; init; }
    public string? GenderDescription { get; init; }
    public string? MinimumAge { get; init; }
    public string? MaximumAge { get; init; }
    public IReadOnlyList<string>? StdAges { get; init; }
    public string? StudyPopulation { get; init; }
    public string? SamplingMethod { get; init; }
}

public sealed record ContactsLocationsModuleRecord
{
    public IReadOnlyList<ContactRecord>? CentralContacts { get; init; }
    public IReadOnlyList<OfficialRecord>? OverallOfficials { get; init; }
    public IReadOnlyList<LocationRecord>? Locations { get; init; }
}

public sealed record ContactRecord
{
    public string? Name { get; init; }
    public string? Role { get; init; }
    public string? Phone { get; init; }
    public string? PhoneExt { get; init; }
    public string? Email { get; init; }
}

public sealed record OfficialRecord
{
    public string? Name { get; init; }
    public string? Affiliation { get; init; }
    public string? Role { get; init; }
}

public sealed record LocationRecord
{
    public string? Facility { get; init; }
    public string? Status { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? Zip { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<ContactRecord>? Contacts { get; init; }
    public GeoPointRecord? GeoPoint { get; init; }
}

public sealed record ReferencesModuleRecord
{
    public IReadOnlyList<ReferenceRecord>? References { get; init; }
    public IReadOnlyList<SeeAlsoLinkRecord>? SeeAlsoLinks { get; init; }
    public IReadOnlyList<AvailIpdRecord>? AvailIpds { get; init; }
}

public sealed record ReferenceRecord
{
    public string? Pmid { get; init; }
    public string? Type { get; init; }
    public string? Citation { get; init; }
    public IReadOnlyList<RetractionRecord>? Retractions { get; init; }
}

public sealed record RetractionRecord
{
    public string? Pmid { get; init; }
    public string? Source { get; init; }
}

public sealed record SeeAlsoLinkRecord
{
    public string? Label { get; init; }
    public string? Url { get; init; }
}

public sealed record AvailIpdRecord
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Url { get; init; }
    public string? Comment { get; init; }
}

public sealed record IpdSharingStatementModuleRecord
{
    public string? IpdSharing { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? InfoTypes { get; init; }
    public string? TimeFrame { get; init; }
    public string? AccessCriteria { get; init; }
    public string? Url { get; init; }
}

public sealed record ResultsSectionRecord
{
    public ParticipantFlowModuleRecord? ParticipantFlowModule { get; init; }
    public BaselineCharacteristicsModuleRecord? BaselineCharacteristicsModule { get; init; }
    public OutcomeMeasuresModuleRecord? OutcomeMeasuresModule { get; init; }
    public AdverseEventsModuleRecord? AdverseEventsModule { get; init; }
    public MoreInfoModuleRecord? MoreInfoModule { get; init; }
}

public sealed record ParticipantFlowModuleRecord
{
    public string? PreAssignmentDetails { get; init; }
    public string? RecruitmentDetails { get; init; }
    public string? TypeUnitsAnalyzed { get; init; }
    public IReadOnlyList<FlowGroupRecord>? Groups { get; init; }
    public IReadOnlyList<FlowPeriodRecord>? Periods { get; init; }
}

public sealed record FlowGroupRecord
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
}

public sealed record FlowPeriodRecord
{
    public string? Title { get; init; }
    public IReadOnlyList<FlowMilestoneRecord>? Milestones { get; init; }
    public IReadOnlyList<DropWithdrawRecord>? DropWithdraws { get; init; }
}

public sealed record FlowMilestoneRecord
{
    public string? Type { get; init; }
    public string? Comment { get; init; }
    public IReadOnlyList<FlowStatsRecord>? Achievements { get; init; }
}

public sealed record FlowStatsRecord
{
    public string? GroupId { get; init; }
    public string? Comment { get; init; }
    public string? NumSubjects { get; init; }
    public string? NumUnits { get; init; }
}

public sealed record DropWithdrawRecord
{
    public string? Type { get; init; }
    public string? Comment { get; init; }
    public IReadOnlyList<FlowStatsRecord>? Reasons { get; init; }
}

public sealed record BaselineCharacteristicsModuleRecord
{
    public string? PopulationDescription { get; init; }
    public string? TypeUnitsAnalyzed { get; init; }
    public IReadOnlyList<MeasureGroupRecord>? Groups { get; init; }
    public IReadOnlyList<DenomRecord>? Denoms { get; init; }
    public IReadOnlyList<BaselineMeasureRecord>? Measures { get; init; }
}

public sealed record MeasureGroupRecord
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
}

public sealed record DenomRecord
{
    public string? Units { get; init; }
    public IReadOnlyList<DenomCountRecord>? Counts { get; init; }
}

public sealed record DenomCountRecord
{
    public string? GroupId { get; init; }
    public string? Value { get; init; }
}

public sealed record BaselineMeasureRecord
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? PopulationDescription { get; init; }
    public string? ParamType { get; init; }
    public string? DispersionType { get; init; }
    public string? UnitOfMeasure { get; init; }
    public bool? CalculatePct { get; init; }
    public string? DenomUnitsSelected { get; init; }
    public IReadOnlyList<DenomRecord>? Denoms { get; init; }
    public IReadOnlyList<MeasureClassRecord>? Classes { get; init; }
}

public sealed record MeasureClassRecord
{
    public string? Title { get; init; }
    public IReadOnlyList<DenomRecord>? Denoms { get; init; }
    public IReadOnlyList<MeasureCategoryRecord>? Categories { get; init; }
}

public sealed record MeasureCategoryRecord
{
    public string? Title { get; init; }
    public IReadOnlyList<MeasurementRecord>? Measurements { get; init; }
}

public sealed record MeasurementRecord
{
    public string? GroupId { get; init; }
    public string? Value { get; init; }
    public string? Spread { get; init; }
    public string? LowerLimit { get; init; }
    public string? UpperLimit { get; init; }
    public string? Comment { get; init; }
}

public sealed record OutcomeMeasuresModuleRecord
{
    public IReadOnlyList<OutcomeMeasureRecord>? OutcomeMeasures { get; init; }
}

public sealed record OutcomeMeasureRecord
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? PopulationDescription { get; init; }
    public string? ReportingStatus { get; init; }
    public string? AnticipatedPostingDate { get; init; }
    public string? ParamType { get; init; }
    public string? DispersionType { get; init; }
    public string? UnitOfMeasure { get; init; }
    public bool? CalculatePct { get; init; }
    public string? TimeFrame { get; init; }
    public string? TypeUnitsAnalyzed { get; init; }
    public string? DenomUnitsSelected { get; init; }
    public IReadOnlyList<MeasureGroupRecord>? Groups { get; init; }
    public IReadOnlyList<DenomRecord>? Denoms { get; init; }
    public IReadOnlyList<MeasureClassRecord>? Classes { get; init; }
    public IReadOnlyList<MeasureAnalysisRecord>? Analyses { get; init; }
}

public sealed record MeasureAnalysisRecord
{
    public string? ParamType { get; init; }
    public string? ParamValue { get; init; }
    public string? DispersionType { get; init; }
    public string? DispersionValue { get; init; }
    public string? StatisticalMethod { get; init; }
    public string? StatisticalComment { get; init; }
    public string? PValue { get; init; }
    public string? PValueComment { get; init; }
    public string? CiNumSides { get; init; }
    public string? CiPctValue { get; init; }
    public string? CiLowerLimit { get; init; }
    public string? CiUpperLimit { get; init; }
    public string? CiLowerLimitComment { get; init; }
    public string? CiUpperLimitComment { get; init; }
    public string? EstimateComment { get; init; }
    public bool? TestedNonInferiority { get; init; }
    public string? NonInferiorityType { get; init; }
    public string? NonInferiorityComment { get; init; }
    public string? OtherAnalysisDescription { get; init; }
    public string? GroupDescription { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
}

public sealed record AdverseEventsModuleRecord
{
    public string? FrequencyThreshold { get; init; }
    public string? TimeFrame { get; init; }
    public string? Description { get; init; }
    public string? AllCauseMortalityComment { get; init; }
    public IReadOnlyList<EventGroupRecord>? EventGroups { get; init; }
    public IReadOnlyList<AdverseEventRecord>? SeriousEvents { get; init; }
    public IReadOnlyList<AdverseEventRecord>? OtherEvents { get; init; }
}

public sealed record EventGroupRecord
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? DeathsNumAffected { get; init; }
    public int? DeathsNumAtRisk { get; init; }
    public int? SeriousNumAffected { get; init; }
    public int? SeriousNumAtRisk { get; init; }
    public int? OtherNumAffected { get; init; }
    public int? OtherNumAtRisk { get; init; }
}

public sealed record AdverseEventRecord
{
    public string? Term { get; init; }
    public string? OrganSystem { get; init; }
    public string? SourceVocabulary { get; init; }
    public string? AssessmentType { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<EventStatsRecord>? Stats { get; init; }
}

public sealed record EventStatsRecord
{
    public string? GroupId { get; init; }
    public int? NumEvents { get; init; }
    public int? NumAffected { get; init; }
    public int? NumAtRisk { get; init; }
}

public sealed record MoreInfoModuleRecord
{
    public LimitationsAndCaveatsRecord? LimitationsAndCaveats { get; init; }
    public CertainAgreementRecord? CertainAgreement { get; init; }
    public PointOfContactRecord? PointOfContact { get; init; }
}

public sealed record LimitationsAndCaveatsRecord
{
    public string? Description { get; init; }
}

public sealed record CertainAgreementRecord
{
    public bool? PiSponsorEmployee { get; init; }
    public string? RestrictionType { get; init; }
    public bool? RestrictiveAgreement { get; init; }
    public string? OtherDetails { get; init; }
}

public sealed record PointOfContactRecord
{
    public string? Title { get; init; }
    public string? Organization { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? PhoneExt { get; init; }
}

public sealed record AnnotationSectionRecord
{
    public AnnotationModuleRecord? AnnotationModule { get; init; }
}

public sealed record AnnotationModuleRecord
{
    public UnpostedAnnotationRecord? UnpostedAnnotation { get; init; }
    public ViolationAnnotationRecord? ViolationAnnotation { get; init; }
}

public sealed record UnpostedAnnotationRecord
{
    public string? UnpostedResponsibleParty { get; init; }
    public IReadOnlyList<UnpostedEventRecord>? UnpostedEvents { get; init; }
}

public sealed record UnpostedEventRecord
{
    public string? Type { get; init; }
    public string? Date { get; init; }
    public bool? DateUnknown { get; init; }
}

public sealed record ViolationAnnotationRecord
{
    public IReadOnlyList<ViolationEventRecord>? ViolationEvents { get; init; }
}

public sealed record ViolationEventRecord
{
    public string? Type { get; init; }
    public string? Description { get; init; }
    public string? CreationDate { get; init; }
    public string? IssuedDate { get; init; }
    public string? ReleaseDate { get; init; }
    public string? PostedDate { get; init; }
}

public sealed record DocumentSectionRecord
{
    public LargeDocumentModuleRecord? LargeDocumentModule { get; init; }
}

public sealed record LargeDocumentModuleRecord
{
    public bool? NoSap { get; init; }
    public IReadOnlyList<LargeDocRecord>? LargeDocs { get; init; }
}

public sealed record LargeDocRecord
{
    public string? TypeAbbrev { get; init; }
    public bool? HasProtocol { get; init; }
    public bool? HasSap { get; init; }
    public bool? HasIcf { get; init; }
    public string? Label { get; init; }
    public string? Date { get; init; }
    public string? UploadDate { get; init; }
    public string? Filename { get; init; }
    public long? Size { get; init; }
}

public sealed record DerivedSectionRecord
{
    public MiscInfoModuleRecord? MiscInfoModule { get; init; }
    public BrowseModuleRecord? ConditionBrowseModule { get; init; }
    public BrowseModuleRecord? InterventionBrowseModule { get; init; }
}

public sealed record MiscInfoModuleRecord
{
    public string? VersionHolder { get; init; }
    public IReadOnlyList<string>? RemovedCountries { get; init; }
    public SubmissionTrackingRecord? SubmissionTracking { get; init; }
    public ModelPredictionsRecord? ModelPredictions { get; init; }
}

public sealed record SubmissionTrackingRecord
{
    public string? EstimatedResultsFirstSubmitDate { get; init; }
    public FirstMcpInfoRecord? FirstMcpInfo { get; init; }
    public IReadOnlyList<SubmissionInfoRecord>? SubmissionInfos { get; init; }
}

public sealed record FirstMcpInfoRecord
{
    public DateStructRecord? PostDateStruct { get; init; }
}

public sealed record SubmissionInfoRecord
{
    public string? ReleaseDate { get; init; }
    public string? UnreleaseDate { get; init; }
    public bool? UnreleaseDateUnknown { get; init; }
    public string? ResetDate { get; init; }
    public int? McpReleaseN { get; init; }
}

public sealed record BrowseModuleRecord
{
    public IReadOnlyList<MeshRecord>? Meshes { get; init; }
    public IReadOnlyList<MeshRecord>? Ancestors { get; init; }
    public IReadOnlyList<BrowseLeafRecord>? BrowseLeaves { get; init; }
    public IReadOnlyList<BrowseBranchRecord>? BrowseBranches { get; init; }
}

public sealed record MeshRecord
{
    public string? Id { get; init; }
    public string? Term { get; init; }
}

public sealed record BrowseLeafRecord
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AsFound { get; init; }
    public string? Relevance { get; init; }
}

public sealed record BrowseBranchRecord
{
    public string? Abbrev { get; init; }
    public string? Name { get; init; }
}

public sealed record GeoPointRecord
{
    public double? Lat { get; init; }
    public double? Lon { get; init; }
}

public sealed record ModelPredictionsRecord
{
    public BmiLimitsRecord? BmiLimits { get; init; }
}

public sealed record BmiLimitsRecord
{
    public double? MinBmi { get; init; }
    public double? MaxBmi { get; init; }
}
