// Wire-format records of the ClinicalTrials.gov API v2 study (every field of /studies/metadata, plus the undocumented
// legacy keys seen in real downloads). Lenient on purpose: every member is optional, enums and dates stay strings;
// the mapping step (StudyMapper) turns them into the domain model. Property names follow the wire names in camelCase.
namespace Clinical.Application.Studies.Import;

public sealed record StudyRecord
{
    public ProtocolSectionRecord? ProtocolSection { get; set; }
    public ResultsSectionRecord? ResultsSection { get; set; }
    public AnnotationSectionRecord? AnnotationSection { get; set; }
    public DocumentSectionRecord? DocumentSection { get; set; }
    public DerivedSectionRecord? DerivedSection { get; set; }
    public bool? HasResults { get; set; }
}

public sealed record ProtocolSectionRecord
{
    public IdentificationModuleRecord? IdentificationModule { get; set; }
    public StatusModuleRecord? StatusModule { get; set; }
    public SponsorCollaboratorsModuleRecord? SponsorCollaboratorsModule { get; set; }
    public OversightModuleRecord? OversightModule { get; set; }
    public DescriptionModuleRecord? DescriptionModule { get; set; }
    public ConditionsModuleRecord? ConditionsModule { get; set; }
    public DesignModuleRecord? DesignModule { get; set; }
    public ArmsInterventionsModuleRecord? ArmsInterventionsModule { get; set; }
    public OutcomesModuleRecord? OutcomesModule { get; set; }
    public EligibilityModuleRecord? EligibilityModule { get; set; }
    public ContactsLocationsModuleRecord? ContactsLocationsModule { get; set; }
    public ReferencesModuleRecord? ReferencesModule { get; set; }
    public IpdSharingStatementModuleRecord? IpdSharingStatementModule { get; set; }
}

public sealed record IdentificationModuleRecord
{
    public string? NctId { get; set; }
    public IReadOnlyList<string>? NctIdAliases { get; set; }
    public OrgStudyIdInfoRecord? OrgStudyIdInfo { get; set; }
    public IReadOnlyList<SecondaryIdInfoRecord>? SecondaryIdInfos { get; set; }
    public string? BriefTitle { get; set; }
    public string? OfficialTitle { get; set; }
    public string? Acronym { get; set; }
    public OrganizationRecord? Organization { get; set; }
}

public sealed record OrgStudyIdInfoRecord
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Link { get; set; }
}

public sealed record SecondaryIdInfoRecord
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Domain { get; set; }
    public string? Link { get; set; }
}

public sealed record OrganizationRecord
{
    public string? FullName { get; set; }
    public string? Class { get; set; }
}

public sealed record StatusModuleRecord
{
    public string? StatusVerifiedDate { get; set; }
    public string? OverallStatus { get; set; }
    public string? LastKnownStatus { get; set; }
    public bool? DelayedPosting { get; set; }
    public string? WhyStopped { get; set; }
    public ExpandedAccessInfoRecord? ExpandedAccessInfo { get; set; }
    public PartialDateStructRecord? StartDateStruct { get; set; }
    public PartialDateStructRecord? PrimaryCompletionDateStruct { get; set; }
    public PartialDateStructRecord? CompletionDateStruct { get; set; }
    public string? StudyFirstSubmitDate { get; set; }
    public string? StudyFirstSubmitQcDate { get; set; }
    public DateStructRecord? StudyFirstPostDateStruct { get; set; }
    public bool? ResultsWaived { get; set; }
    public string? ResultsFirstSubmitDate { get; set; }
    public string? ResultsFirstSubmitQcDate { get; set; }
    public DateStructRecord? ResultsFirstPostDateStruct { get; set; }
    public string? DispFirstSubmitDate { get; set; }
    public string? DispFirstSubmitQcDate { get; set; }
    public DateStructRecord? DispFirstPostDateStruct { get; set; }
    public string? LastUpdateSubmitDate { get; set; }
    public DateStructRecord? LastUpdatePostDateStruct { get; set; }
}

public sealed record ExpandedAccessInfoRecord
{
    public bool? HasExpandedAccess { get; set; }
    public string? NctId { get; set; }
    public string? StatusForNctId { get; set; }
}

public sealed record PartialDateStructRecord
{
    public string? Date { get; set; }
    public string? Type { get; set; }
}

public sealed record DateStructRecord
{
    public string? Date { get; set; }
    public string? Type { get; set; }
}

public sealed record SponsorCollaboratorsModuleRecord
{
    public ResponsiblePartyRecord? ResponsibleParty { get; set; }
    public SponsorRecord? LeadSponsor { get; set; }
    public IReadOnlyList<SponsorRecord>? Collaborators { get; set; }
}

public sealed record ResponsiblePartyRecord
{
    public string? Type { get; set; }
    public string? InvestigatorFullName { get; set; }
    public string? InvestigatorTitle { get; set; }
    public string? InvestigatorAffiliation { get; set; }
    public string? OldNameTitle { get; set; }
    public string? OldOrganization { get; set; }
}

public sealed record SponsorRecord
{
    public string? Name { get; set; }
    public string? Class { get; set; }
}

public sealed record OversightModuleRecord
{
    public bool? OversightHasDmc { get; set; }
    public bool? IsFdaRegulatedDrug { get; set; }
    public bool? IsFdaRegulatedDevice { get; set; }
    public bool? IsUnapprovedDevice { get; set; }
    public bool? IsPpsd { get; set; }
    public bool? IsUsExport { get; set; }
    public bool? Fdaaa801Violation { get; set; }
}

public sealed record DescriptionModuleRecord
{
    public string? BriefSummary { get; set; }
    public string? DetailedDescription { get; set; }
}

public sealed record ConditionsModuleRecord
{
    public IReadOnlyList<string>? Conditions { get; set; }
    public IReadOnlyList<string>? Keywords { get; set; }
}

public sealed record DesignModuleRecord
{
    public string? StudyType { get; set; }
    public decimal? NPtrsToThisExpAccNctId { get; set; }
    public ExpandedAccessTypesRecord? ExpandedAccessTypes { get; set; }
    public bool? PatientRegistry { get; set; }
    public string? TargetDuration { get; set; }
    public IReadOnlyList<string>? Phases { get; set; }
    public DesignInfoRecord? DesignInfo { get; set; }
    public BioSpecRecord? BioSpec { get; set; }
    public EnrollmentInfoRecord? EnrollmentInfo { get; set; }
}

public sealed record ExpandedAccessTypesRecord
{
    public bool? Individual { get; set; }
    public bool? Intermediate { get; set; }
    public bool? Treatment { get; set; }
}

public sealed record DesignInfoRecord
{
    public string? Allocation { get; set; }
    public string? InterventionModel { get; set; }
    public string? InterventionModelDescription { get; set; }
    public string? PrimaryPurpose { get; set; }
    public string? ObservationalModel { get; set; }
    public string? TimePerspective { get; set; }
    public MaskingBlockRecord? MaskingInfo { get; set; }
}

public sealed record MaskingBlockRecord
{
    public string? Masking { get; set; }
    public string? MaskingDescription { get; set; }
    public IReadOnlyList<string>? WhoMasked { get; set; }
}

public sealed record BioSpecRecord
{
    public string? Retention { get; set; }
    public string? Description { get; set; }
}

public sealed record EnrollmentInfoRecord
{
    public int? Count { get; set; }
    public string? Type { get; set; }
}

public sealed record ArmsInterventionsModuleRecord
{
    public IReadOnlyList<ArmGroupRecord>? ArmGroups { get; set; }
    public IReadOnlyList<InterventionRecord>? Interventions { get; set; }
}

public sealed record ArmGroupRecord
{
    public string? Label { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
    public IReadOnlyList<string>? InterventionNames { get; set; }
}

public sealed record InterventionRecord
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public IReadOnlyList<string>? ArmGroupLabels { get; set; }
    public IReadOnlyList<string>? OtherNames { get; set; }
    public IReadOnlyList<string>? InterventionMappedName { get; set; }
}

public sealed record OutcomesModuleRecord
{
    public IReadOnlyList<OutcomeRecord>? PrimaryOutcomes { get; set; }
    public IReadOnlyList<OutcomeRecord>? SecondaryOutcomes { get; set; }
    public IReadOnlyList<OutcomeRecord>? OtherOutcomes { get; set; }
}

public sealed record OutcomeRecord
{
    public string? Measure { get; set; }
    public string? Description { get; set; }
    public string? TimeFrame { get; set; }
}

public sealed record EligibilityModuleRecord
{
    public string? EligibilityCriteria { get; set; }
    public bool? HealthyVolunteers { get; set; }
    public string? Sex { get; set; }
    public bool? GenderBased { get; set; }
    public string? GenderDescription { get; set; }
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
    public IReadOnlyList<string>? StdAges { get; set; }
    public string? StudyPopulation { get; set; }
    public string? SamplingMethod { get; set; }
}

public sealed record ContactsLocationsModuleRecord
{
    public IReadOnlyList<ContactRecord>? CentralContacts { get; set; }
    public IReadOnlyList<OfficialRecord>? OverallOfficials { get; set; }
    public IReadOnlyList<LocationRecord>? Locations { get; set; }
}

public sealed record ContactRecord
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? PhoneExt { get; set; }
    public string? Email { get; set; }
}

public sealed record OfficialRecord
{
    public string? Name { get; set; }
    public string? Affiliation { get; set; }
    public string? Role { get; set; }
}

public sealed record LocationRecord
{
    public string? Facility { get; set; }
    public string? Status { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Zip { get; set; }
    public string? Country { get; set; }
    public IReadOnlyList<ContactRecord>? Contacts { get; set; }
    public GeoPointRecord? GeoPoint { get; set; }
}

public sealed record ReferencesModuleRecord
{
    public IReadOnlyList<ReferenceRecord>? References { get; set; }
    public IReadOnlyList<SeeAlsoLinkRecord>? SeeAlsoLinks { get; set; }
    public IReadOnlyList<AvailIpdRecord>? AvailIpds { get; set; }
}

public sealed record ReferenceRecord
{
    public string? Pmid { get; set; }
    public string? Type { get; set; }
    public string? Citation { get; set; }
    public IReadOnlyList<RetractionRecord>? Retractions { get; set; }
}

public sealed record RetractionRecord
{
    public string? Pmid { get; set; }
    public string? Source { get; set; }
}

public sealed record SeeAlsoLinkRecord
{
    public string? Label { get; set; }
    public string? Url { get; set; }
}

public sealed record AvailIpdRecord
{
    public string? Id { get; set; }
    public string? Type { get; set; }
    public string? Url { get; set; }
    public string? Comment { get; set; }
}

public sealed record IpdSharingStatementModuleRecord
{
    public string? IpdSharing { get; set; }
    public string? Description { get; set; }
    public IReadOnlyList<string>? InfoTypes { get; set; }
    public string? TimeFrame { get; set; }
    public string? AccessCriteria { get; set; }
    public string? Url { get; set; }
}

public sealed record ResultsSectionRecord
{
    public ParticipantFlowModuleRecord? ParticipantFlowModule { get; set; }
    public BaselineCharacteristicsModuleRecord? BaselineCharacteristicsModule { get; set; }
    public OutcomeMeasuresModuleRecord? OutcomeMeasuresModule { get; set; }
    public AdverseEventsModuleRecord? AdverseEventsModule { get; set; }
    public MoreInfoModuleRecord? MoreInfoModule { get; set; }
}

public sealed record ParticipantFlowModuleRecord
{
    public string? PreAssignmentDetails { get; set; }
    public string? RecruitmentDetails { get; set; }
    public string? TypeUnitsAnalyzed { get; set; }
    public IReadOnlyList<FlowGroupRecord>? Groups { get; set; }
    public IReadOnlyList<FlowPeriodRecord>? Periods { get; set; }
}

public sealed record FlowGroupRecord
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
}

public sealed record FlowPeriodRecord
{
    public string? Title { get; set; }
    public IReadOnlyList<FlowMilestoneRecord>? Milestones { get; set; }
    public IReadOnlyList<DropWithdrawRecord>? DropWithdraws { get; set; }
}

public sealed record FlowMilestoneRecord
{
    public string? Type { get; set; }
    public string? Comment { get; set; }
    public IReadOnlyList<FlowStatsRecord>? Achievements { get; set; }
}

public sealed record FlowStatsRecord
{
    public string? GroupId { get; set; }
    public string? Comment { get; set; }
    public string? NumSubjects { get; set; }
    public string? NumUnits { get; set; }
}

public sealed record DropWithdrawRecord
{
    public string? Type { get; set; }
    public string? Comment { get; set; }
    public IReadOnlyList<FlowStatsRecord>? Reasons { get; set; }
}

public sealed record BaselineCharacteristicsModuleRecord
{
    public string? PopulationDescription { get; set; }
    public string? TypeUnitsAnalyzed { get; set; }
    public IReadOnlyList<MeasureGroupRecord>? Groups { get; set; }
    public IReadOnlyList<DenomRecord>? Denoms { get; set; }
    public IReadOnlyList<BaselineMeasureRecord>? Measures { get; set; }
}

public sealed record MeasureGroupRecord
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
}

public sealed record DenomRecord
{
    public string? Units { get; set; }
    public IReadOnlyList<DenomCountRecord>? Counts { get; set; }
}

public sealed record DenomCountRecord
{
    public string? GroupId { get; set; }
    public string? Value { get; set; }
}

public sealed record BaselineMeasureRecord
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? PopulationDescription { get; set; }
    public string? ParamType { get; set; }
    public string? DispersionType { get; set; }
    public string? UnitOfMeasure { get; set; }
    public bool? CalculatePct { get; set; }
    public string? DenomUnitsSelected { get; set; }
    public IReadOnlyList<DenomRecord>? Denoms { get; set; }
    public IReadOnlyList<MeasureClassRecord>? Classes { get; set; }
}

public sealed record MeasureClassRecord
{
    public string? Title { get; set; }
    public IReadOnlyList<DenomRecord>? Denoms { get; set; }
    public IReadOnlyList<MeasureCategoryRecord>? Categories { get; set; }
}

public sealed record MeasureCategoryRecord
{
    public string? Title { get; set; }
    public IReadOnlyList<MeasurementRecord>? Measurements { get; set; }
}

public sealed record MeasurementRecord
{
    public string? GroupId { get; set; }
    public string? Value { get; set; }
    public string? Spread { get; set; }
    public string? LowerLimit { get; set; }
    public string? UpperLimit { get; set; }
    public string? Comment { get; set; }
}

public sealed record OutcomeMeasuresModuleRecord
{
    public IReadOnlyList<OutcomeMeasureRecord>? OutcomeMeasures { get; set; }
}

public sealed record OutcomeMeasureRecord
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? PopulationDescription { get; set; }
    public string? ReportingStatus { get; set; }
    public string? AnticipatedPostingDate { get; set; }
    public string? ParamType { get; set; }
    public string? DispersionType { get; set; }
    public string? UnitOfMeasure { get; set; }
    public bool? CalculatePct { get; set; }
    public string? TimeFrame { get; set; }
    public string? TypeUnitsAnalyzed { get; set; }
    public string? DenomUnitsSelected { get; set; }
    public IReadOnlyList<MeasureGroupRecord>? Groups { get; set; }
    public IReadOnlyList<DenomRecord>? Denoms { get; set; }
    public IReadOnlyList<MeasureClassRecord>? Classes { get; set; }
    public IReadOnlyList<MeasureAnalysisRecord>? Analyses { get; set; }
}

public sealed record MeasureAnalysisRecord
{
    public string? ParamType { get; set; }
    public string? ParamValue { get; set; }
    public string? DispersionType { get; set; }
    public string? DispersionValue { get; set; }
    public string? StatisticalMethod { get; set; }
    public string? StatisticalComment { get; set; }
    public string? PValue { get; set; }
    public string? PValueComment { get; set; }
    public string? CiNumSides { get; set; }
    public string? CiPctValue { get; set; }
    public string? CiLowerLimit { get; set; }
    public string? CiUpperLimit { get; set; }
    public string? CiLowerLimitComment { get; set; }
    public string? CiUpperLimitComment { get; set; }
    public string? EstimateComment { get; set; }
    public bool? TestedNonInferiority { get; set; }
    public string? NonInferiorityType { get; set; }
    public string? NonInferiorityComment { get; set; }
    public string? OtherAnalysisDescription { get; set; }
    public string? GroupDescription { get; set; }
    public IReadOnlyList<string>? GroupIds { get; set; }
}

public sealed record AdverseEventsModuleRecord
{
    public string? FrequencyThreshold { get; set; }
    public string? TimeFrame { get; set; }
    public string? Description { get; set; }
    public string? AllCauseMortalityComment { get; set; }
    public IReadOnlyList<EventGroupRecord>? EventGroups { get; set; }
    public IReadOnlyList<AdverseEventRecord>? SeriousEvents { get; set; }
    public IReadOnlyList<AdverseEventRecord>? OtherEvents { get; set; }
}

public sealed record EventGroupRecord
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? DeathsNumAffected { get; set; }
    public int? DeathsNumAtRisk { get; set; }
    public int? SeriousNumAffected { get; set; }
    public int? SeriousNumAtRisk { get; set; }
    public int? OtherNumAffected { get; set; }
    public int? OtherNumAtRisk { get; set; }
}

public sealed record AdverseEventRecord
{
    public string? Term { get; set; }
    public string? OrganSystem { get; set; }
    public string? SourceVocabulary { get; set; }
    public string? AssessmentType { get; set; }
    public string? Notes { get; set; }
    public IReadOnlyList<EventStatsRecord>? Stats { get; set; }
}

public sealed record EventStatsRecord
{
    public string? GroupId { get; set; }
    public int? NumEvents { get; set; }
    public int? NumAffected { get; set; }
    public int? NumAtRisk { get; set; }
}

public sealed record MoreInfoModuleRecord
{
    public LimitationsAndCaveatsRecord? LimitationsAndCaveats { get; set; }
    public CertainAgreementRecord? CertainAgreement { get; set; }
    public PointOfContactRecord? PointOfContact { get; set; }
}

public sealed record LimitationsAndCaveatsRecord
{
    public string? Description { get; set; }
}

public sealed record CertainAgreementRecord
{
    public bool? PiSponsorEmployee { get; set; }
    public string? RestrictionType { get; set; }
    public bool? RestrictiveAgreement { get; set; }
    public string? OtherDetails { get; set; }
}

public sealed record PointOfContactRecord
{
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PhoneExt { get; set; }
}

public sealed record AnnotationSectionRecord
{
    public AnnotationModuleRecord? AnnotationModule { get; set; }
}

public sealed record AnnotationModuleRecord
{
    public UnpostedAnnotationRecord? UnpostedAnnotation { get; set; }
    public ViolationAnnotationRecord? ViolationAnnotation { get; set; }
}

public sealed record UnpostedAnnotationRecord
{
    public string? UnpostedResponsibleParty { get; set; }
    public IReadOnlyList<UnpostedEventRecord>? UnpostedEvents { get; set; }
}

public sealed record UnpostedEventRecord
{
    public string? Type { get; set; }
    public string? Date { get; set; }
    public bool? DateUnknown { get; set; }
}

public sealed record ViolationAnnotationRecord
{
    public IReadOnlyList<ViolationEventRecord>? ViolationEvents { get; set; }
}

public sealed record ViolationEventRecord
{
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? CreationDate { get; set; }
    public string? IssuedDate { get; set; }
    public string? ReleaseDate { get; set; }
    public string? PostedDate { get; set; }
}

public sealed record DocumentSectionRecord
{
    public LargeDocumentModuleRecord? LargeDocumentModule { get; set; }
}

public sealed record LargeDocumentModuleRecord
{
    public bool? NoSap { get; set; }
    public IReadOnlyList<LargeDocRecord>? LargeDocs { get; set; }
}

public sealed record LargeDocRecord
{
    public string? TypeAbbrev { get; set; }
    public bool? HasProtocol { get; set; }
    public bool? HasSap { get; set; }
    public bool? HasIcf { get; set; }
    public string? Label { get; set; }
    public string? Date { get; set; }
    public string? UploadDate { get; set; }
    public string? Filename { get; set; }
    public long? Size { get; set; }
}

public sealed record DerivedSectionRecord
{
    public MiscInfoModuleRecord? MiscInfoModule { get; set; }
    public BrowseModuleRecord? ConditionBrowseModule { get; set; }
    public BrowseModuleRecord? InterventionBrowseModule { get; set; }
}

public sealed record MiscInfoModuleRecord
{
    public string? VersionHolder { get; set; }
    public IReadOnlyList<string>? RemovedCountries { get; set; }
    public SubmissionTrackingRecord? SubmissionTracking { get; set; }
    public ModelPredictionsRecord? ModelPredictions { get; set; }
}

public sealed record SubmissionTrackingRecord
{
    public string? EstimatedResultsFirstSubmitDate { get; set; }
    public FirstMcpInfoRecord? FirstMcpInfo { get; set; }
    public IReadOnlyList<SubmissionInfoRecord>? SubmissionInfos { get; set; }
}

public sealed record FirstMcpInfoRecord
{
    public DateStructRecord? PostDateStruct { get; set; }
}

public sealed record SubmissionInfoRecord
{
    public string? ReleaseDate { get; set; }
    public string? UnreleaseDate { get; set; }
    public bool? UnreleaseDateUnknown { get; set; }
    public string? ResetDate { get; set; }
    public int? McpReleaseN { get; set; }
}

public sealed record BrowseModuleRecord
{
    public IReadOnlyList<MeshRecord>? Meshes { get; set; }
    public IReadOnlyList<MeshRecord>? Ancestors { get; set; }
    public IReadOnlyList<BrowseLeafRecord>? BrowseLeaves { get; set; }
    public IReadOnlyList<BrowseBranchRecord>? BrowseBranches { get; set; }
}

public sealed record MeshRecord
{
    public string? Id { get; set; }
    public string? Term { get; set; }
}

public sealed record BrowseLeafRecord
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AsFound { get; set; }
    public string? Relevance { get; set; }
}

public sealed record BrowseBranchRecord
{
    public string? Abbrev { get; set; }
    public string? Name { get; set; }
}

public sealed record GeoPointRecord
{
    public decimal? Lat { get; set; }
    public decimal? Lon { get; set; }
}

public sealed record ModelPredictionsRecord
{
    public BmiLimitsRecord? BmiLimits { get; set; }
}

public sealed record BmiLimitsRecord
{
    public decimal? MinBmi { get; set; }
    public decimal? MaxBmi { get; set; }
}
