// The study aggregate's parts, one type per node of the ClinicalTrials.gov v2 data model. Values are typed here:
// enums are Coded<T> (the registry's spelling, unknown values kept), dates PartialDate, ages Age, result numbers
// ResultValue. Absent JSON means null: the registry never sends nulls or empty arrays, so null is "not reported".
namespace Clinical.Domain.Studies;

public sealed record ProtocolSection
{
    /// <summary>Identification Module</summary>
    public IdentificationModule? IdentificationModule { get; init; }
    /// <summary>Status Module</summary>
    public StatusModule? StatusModule { get; init; }
    public SponsorCollaboratorsModule? SponsorCollaboratorsModule { get; init; }
    /// <summary>Oversight Module</summary>
    public OversightModule? OversightModule { get; init; }
    /// <summary>Description Module</summary>
    public DescriptionModule? DescriptionModule { get; init; }
    /// <summary>Conditions Module</summary>
    public ConditionsModule? ConditionsModule { get; init; }
    /// <summary>Design Module</summary>
    public DesignModule? DesignModule { get; init; }
    public ArmsInterventionsModule? ArmsInterventionsModule { get; init; }
    /// <summary>Outcome Measure Module</summary>
    public OutcomesModule? OutcomesModule { get; init; }
    public EligibilityModule? EligibilityModule { get; init; }
    /// <summary>Contacts and Locations Module</summary>
    public ContactsLocationsModule? ContactsLocationsModule { get; init; }
    public ReferencesModule? ReferencesModule { get; init; }
    /// <summary>IPDSharing Statement Module</summary>
    public IpdSharingStatementModule? IpdSharingStatementModule { get; init; }
}

public sealed record IdentificationModule
{
    /// <summary>The registry's identifier, assigned at registration: "NCT" followed by an 8-digit number.</summary>
    public NctId NctId { get; init; }
    /// <summary>Identifier(s) that are considered "Obsolete" or "Duplicate". No study is displayed on public site. Request is redirected/forwarded to another NCT Identifier</summary>
    public IReadOnlyList<string>? NctIdAliases { get; init; }
    public OrgStudyIdInfo? OrgStudyIdInfo { get; init; }
    public IReadOnlyList<SecondaryIdInfo>? SecondaryIdInfos { get; init; }
    /// <summary>Brief Title</summary>
    public string? BriefTitle { get; init; }
    /// <summary>Official Title</summary>
    public string? OfficialTitle { get; init; }
    /// <summary>Acronym</summary>
    public string? Acronym { get; init; }
    public Organization? Organization { get; init; }
}

public sealed record OrgStudyIdInfo
{
    /// <summary>Organization's Unique Protocol Identification Number</summary>
    public string? Id { get; init; }
    /// <summary>Type of organization's unique protocol ID</summary>
    public Coded<OrgStudyIdType>? Type { get; init; }
    /// <summary>Link for the organization's protocol ID, including system-generated links to NIH RePORTER for federal funding IDs.</summary>
    public string? Link { get; init; }
}

public sealed record SecondaryIdInfo
{
    /// <summary>Secondary ID</summary>
    public string? Id { get; init; }
    /// <summary>Secondary ID Type</summary>
    public Coded<SecondaryIdType>? Type { get; init; }
    /// <summary>Secondary ID Description based on ID Type selected</summary>
    public string? Domain { get; init; }
    /// <summary>Link for the secondary ID, including system-generated links to NIH RePORTER for federal funding IDs.</summary>
    public string? Link { get; init; }
}

public sealed record Organization
{
    /// <summary>A (registered) organization (typically the Responsible Party) that sponsors the clinical trial (study)</summary>
    public string? FullName { get; init; }
    /// <summary>Organization type</summary>
    public Coded<AgencyClass>? Class { get; init; }
}

public sealed record StatusModule
{
    /// <summary>Record Verification Date</summary>
    public PartialDate? StatusVerifiedDate { get; init; }
    /// <summary>Overall Recruitment Status or Expanded Access Status</summary>
    public Coded<Status>? OverallStatus { get; init; }
    /// <summary>The status a study last had (recruiting, not yet recruiting, or active) before it passed its completion date unverified for 2 years.</summary>
    public Coded<Status>? LastKnownStatus { get; init; }
    /// <summary>Delayed Posting</summary>
    public bool? DelayedPosting { get; init; }
    /// <summary>Reason why a study stopped</summary>
    public string? WhyStopped { get; init; }
    /// <summary>EA study info related to an INT/OBS study. Is in the Study Status module for an EA record and in the Oversight module for a study that has EA</summary>
    public ExpandedAccessInfo? ExpandedAccessInfo { get; init; }
    public PartialDateStruct? StartDateStruct { get; init; }
    public PartialDateStruct? PrimaryCompletionDateStruct { get; init; }
    public PartialDateStruct? CompletionDateStruct { get; init; }
    /// <summary>The date the sponsor or investigator first submitted the study record.</summary>
    public PartialDate? StudyFirstSubmitDate { get; init; }
    /// <summary>The date the sponsor or investigator first submitted a study record that met NLM's quality control criteria.</summary>
    public PartialDate? StudyFirstSubmitQcDate { get; init; }
    public DateStruct? StudyFirstPostDateStruct { get; init; }
    public bool? ResultsWaived { get; init; }
    /// <summary>The date the sponsor or investigator first submitted summary results.</summary>
    public PartialDate? ResultsFirstSubmitDate { get; init; }
    /// <summary>The date the sponsor or investigator first submitted summary results that met NLM's quality control criteria.</summary>
    public PartialDate? ResultsFirstSubmitQcDate { get; init; }
    public DateStruct? ResultsFirstPostDateStruct { get; init; }
    /// <summary>The date a certification or extension request to delay results submission was first submitted.</summary>
    public PartialDate? DispFirstSubmitDate { get; init; }
    /// <summary>Certification/extension first submitted that met QC criteria</summary>
    public PartialDate? DispFirstSubmitQcDate { get; init; }
    public DateStruct? DispFirstPostDateStruct { get; init; }
    /// <summary>The date the sponsor or investigator last submitted changes to the study record.</summary>
    public PartialDate? LastUpdateSubmitDate { get; init; }
    /// <summary>Data structure for last update posted</summary>
    public DateStruct? LastUpdatePostDateStruct { get; init; }
}

public sealed record ExpandedAccessInfo
{
    /// <summary>Has EA for compassionate use</summary>
    public bool? HasExpandedAccess { get; init; }
    /// <summary>NCT of an EA study</summary>
    public string? NctId { get; init; }
    /// <summary>recruitment status of the EA study that's linked to INT/OBS</summary>
    public Coded<ExpandedAccessStatus>? StatusForNctId { get; init; }
}

public sealed record PartialDateStruct
{
    /// <summary>The date (start, primary completion or completion, by the property holding it)</summary>
    public PartialDate? Date { get; init; }
    /// <summary>Whether the date is ACTUAL or ESTIMATED</summary>
    public Coded<DateType>? Type { get; init; }
}

public sealed record DateStruct
{
    /// <summary>The posting date</summary>
    public PartialDate? Date { get; init; }
    /// <summary>Whether the date is ACTUAL or ESTIMATED</summary>
    public Coded<DateType>? Type { get; init; }
}

public sealed record SponsorCollaboratorsModule
{
    /// <summary>Responsible Party</summary>
    public ResponsibleParty? ResponsibleParty { get; init; }
    /// <summary>The organization or person who initiates the study and who has authority and control over the study.</summary>
    public Sponsor? LeadSponsor { get; init; }
    /// <summary>Other organizations, if any, providing support such as funding, design, implementation, data analysis or reporting.</summary>
    public IReadOnlyList<Sponsor>? Collaborators { get; init; }
}

public sealed record ResponsibleParty
{
    /// <summary>Responsible Party Type</summary>
    public Coded<ResponsiblePartyType>? Type { get; init; }
    /// <summary>Responsible Party Investigator Full Name</summary>
    public string? InvestigatorFullName { get; init; }
    /// <summary>Responsible Party Investigator Title</summary>
    public string? InvestigatorTitle { get; init; }
    /// <summary>Responsible Party Investigator Affiliation</summary>
    public string? InvestigatorAffiliation { get; init; }
    /// <summary>Older format for Responsible Party Investigator Title</summary>
    public string? OldNameTitle { get; init; }
    /// <summary>Older format for Responsible Party Investigator Organization</summary>
    public string? OldOrganization { get; init; }
}

public sealed record Sponsor
{
    /// <summary>Sponsor or collaborator name</summary>
    public string? Name { get; init; }
    /// <summary>Sponsor or collaborator type</summary>
    public Coded<AgencyClass>? Class { get; init; }
}

public sealed record OversightModule
{
    /// <summary>Has Data Monitoring Committee (DMC)</summary>
    public bool? OversightHasDmc { get; init; }
    /// <summary>Is FDA Regulated Drug</summary>
    public bool? IsFdaRegulatedDrug { get; init; }
    /// <summary>Is FDA Regulated Device</summary>
    public bool? IsFdaRegulatedDevice { get; init; }
    /// <summary>Is Unapproved Device</summary>
    public bool? IsUnapprovedDevice { get; init; }
    /// <summary>Pediatric Postmarket Surveillance of a Device Product</summary>
    public bool? IsPpsd { get; init; }
    /// <summary>Product Exported from US</summary>
    public bool? IsUsExport { get; init; }
    public bool? Fdaaa801Violation { get; init; }
}

public sealed record DescriptionModule
{
    /// <summary>Brief Summary</summary>
    public string? BriefSummary { get; init; }
    /// <summary>Detailed Description</summary>
    public string? DetailedDescription { get; init; }
}

public sealed record ConditionsModule
{
    /// <summary>Condition/Disease</summary>
    public IReadOnlyList<string>? Conditions { get; init; }
    /// <summary>Keyword</summary>
    public IReadOnlyList<string>? Keywords { get; init; }
}

public sealed record DesignModule
{
    /// <summary>Study Type</summary>
    public Coded<StudyType>? StudyType { get; init; }
    /// <summary>Number of studies that reference this EA study</summary>
    public decimal? NPtrsToThisExpAccNctId { get; init; }
    /// <summary>The type(s) of expanded access for which the investigational drug product (including a biological product) is available, as specified in U.S. FDA regulations</summary>
    public ExpandedAccessTypes? ExpandedAccessTypes { get; init; }
    /// <summary>An observational study that collects patients' medical conditions and/or treatments to learn how they affect patients in the real world.</summary>
    public bool? PatientRegistry { get; init; }
    /// <summary>Target Follow-Up Duration</summary>
    public Age? TargetDuration { get; init; }
    /// <summary>Study Phase</summary>
    public IReadOnlyList<Coded<Phase>>? Phases { get; init; }
    /// <summary>Design Info</summary>
    public DesignInfo? DesignInfo { get; init; }
    public BioSpec? BioSpec { get; init; }
    public EnrollmentInfo? EnrollmentInfo { get; init; }
}

public sealed record ExpandedAccessTypes
{
    /// <summary>Expanded access for individual patients, including emergency use (21 CFR 312.310).</summary>
    public bool? Individual { get; init; }
    /// <summary>Expanded access for intermediate-size populations (21 CFR 312.315).</summary>
    public bool? Intermediate { get; init; }
    /// <summary>Expanded access for a large, widespread population under a treatment IND or protocol (21 CFR 312.320).</summary>
    public bool? Treatment { get; init; }
}

public sealed record DesignInfo
{
    /// <summary>Design Allocation</summary>
    public Coded<DesignAllocation>? Allocation { get; init; }
    /// <summary>Interventional Study Design</summary>
    public Coded<InterventionalAssignment>? InterventionModel { get; init; }
    /// <summary>Interventional Study Design Description</summary>
    public string? InterventionModelDescription { get; init; }
    /// <summary>Design Primary Purpose</summary>
    public Coded<PrimaryPurpose>? PrimaryPurpose { get; init; }
    /// <summary>Observational Study Model</summary>
    public Coded<ObservationalModel>? ObservationalModel { get; init; }
    /// <summary>Time Perspective</summary>
    public Coded<DesignTimePerspective>? TimePerspective { get; init; }
    public MaskingBlock? MaskingInfo { get; init; }
}

public sealed record MaskingBlock
{
    /// <summary>Design Masking</summary>
    public Coded<DesignMasking>? Masking { get; init; }
    /// <summary>Masking Description</summary>
    public string? MaskingDescription { get; init; }
    public IReadOnlyList<Coded<WhoMasked>>? WhoMasked { get; init; }
}

public sealed record BioSpec
{
    /// <summary>Biospecimen Retention</summary>
    public Coded<BioSpecRetention>? Retention { get; init; }
    /// <summary>Biospecimen Description</summary>
    public string? Description { get; init; }
}

public sealed record EnrollmentInfo
{
    /// <summary>Enrollment</summary>
    public int? Count { get; init; }
    /// <summary>Enrollment Type</summary>
    public Coded<EnrollmentType>? Type { get; init; }
}

public sealed record ArmsInterventionsModule
{
    /// <summary>Arm Information</summary>
    public IReadOnlyList<ArmGroup>? ArmGroups { get; init; }
    /// <summary>Intervention/Treatment</summary>
    public IReadOnlyList<Intervention>? Interventions { get; init; }
}

public sealed record ArmGroup
{
    /// <summary>Arm Group Label</summary>
    public string? Label { get; init; }
    /// <summary>Arm Group Type</summary>
    public Coded<ArmGroupType>? Type { get; init; }
    /// <summary>Arm Description for INT, Group/Cohort Description for OBS</summary>
    public string? Description { get; init; }
    /// <summary>Arm/Group that Receives a Specific Intervention/Treatment</summary>
    public IReadOnlyList<string>? InterventionNames { get; init; }
}

public sealed record Intervention
{
    /// <summary>Intervention/Treatment Type</summary>
    public Coded<InterventionType>? Type { get; init; }
    /// <summary>Intervention Name</summary>
    public string? Name { get; init; }
    /// <summary>Intervention Description</summary>
    public string? Description { get; init; }
    /// <summary>Arm/Group and Intervention Cross Reference</summary>
    public IReadOnlyList<string>? ArmGroupLabels { get; init; }
    /// <summary>Other Intervention Name</summary>
    public IReadOnlyList<string>? OtherNames { get; init; }
    /// <summary>Undocumented legacy key seen in 2023 downloads: mapped intervention names.</summary>
    public IReadOnlyList<string>? InterventionMappedName { get; init; }
}

public sealed record OutcomesModule
{
    public IReadOnlyList<Outcome>? PrimaryOutcomes { get; init; }
    /// <summary>Secondary Outcome Measure</summary>
    public IReadOnlyList<Outcome>? SecondaryOutcomes { get; init; }
    /// <summary>Other Outcome Measure</summary>
    public IReadOnlyList<Outcome>? OtherOutcomes { get; init; }
}

public sealed record Outcome
{
    /// <summary>Outcome measure title</summary>
    public string? Measure { get; init; }
    /// <summary>Outcome measure description</summary>
    public string? Description { get; init; }
    /// <summary>Outcome measure time frame</summary>
    public string? TimeFrame { get; init; }
}

public sealed record EligibilityModule
{
    /// <summary>Inclusion and exclusion eligibility criteria</summary>
    public string? EligibilityCriteria { get; init; }
    /// <summary>Accepts Healthy Volunteers</summary>
    public bool? HealthyVolunteers { get; init; }
    /// <summary>Sex/Gender</summary>
    public Coded<Sex>? Sex { get; init; }
    /// <summary>Gender-Based Eligibility</summary>
    public bool? GenderBased { get; init; }
    /// <summary>Gender Description</summary>
    public string? GenderDescription { get; init; }
    /// <summary>Minimum Age</summary>
    public Age? MinimumAge { get; init; }
    /// <summary>Maximum Age</summary>
    public Age? MaximumAge { get; init; }
    /// <summary>Ingest calculated the StdAge if there is minimumAge and/or maximimumAge entered. Redacted for Withheld studies</summary>
    public IReadOnlyList<Coded<StandardAge>>? StdAges { get; init; }
    /// <summary>Study Population Description</summary>
    public string? StudyPopulation { get; init; }
    /// <summary>Sampling Method</summary>
    public Coded<SamplingMethod>? SamplingMethod { get; init; }
}

public sealed record ContactsLocationsModule
{
    /// <summary>Central Contact Person or Optional Central Contact Backup</summary>
    public IReadOnlyList<Contact>? CentralContacts { get; init; }
    /// <summary>Overall Study Official</summary>
    public IReadOnlyList<Official>? OverallOfficials { get; init; }
    /// <summary>Location</summary>
    public IReadOnlyList<Location>? Locations { get; init; }
}

public sealed record Contact
{
    /// <summary>Contact name</summary>
    public string? Name { get; init; }
    /// <summary>Contact role</summary>
    public Coded<ContactRole>? Role { get; init; }
    /// <summary>Contact phone</summary>
    public string? Phone { get; init; }
    /// <summary>Contact phone extension</summary>
    public string? PhoneExt { get; init; }
    /// <summary>Contact email</summary>
    public string? Email { get; init; }
}

public sealed record Official
{
    /// <summary>Overall Official Name</summary>
    public string? Name { get; init; }
    /// <summary>Overall Official Affiliation</summary>
    public string? Affiliation { get; init; }
    /// <summary>Overall Official Role</summary>
    public Coded<OfficialRole>? Role { get; init; }
}

public sealed record Location
{
    /// <summary>Facility Name</summary>
    public string? Facility { get; init; }
    /// <summary>Individual site recruitment status</summary>
    public Coded<RecruitmentStatus>? Status { get; init; }
    /// <summary>City</summary>
    public string? City { get; init; }
    /// <summary>State</summary>
    public string? State { get; init; }
    /// <summary>Zipcode</summary>
    public string? Zip { get; init; }
    /// <summary>Country</summary>
    public string? Country { get; init; }
    /// <summary>Facility Contact</summary>
    public IReadOnlyList<Contact>? Contacts { get; init; }
    /// <summary>Location Geo Point</summary>
    public GeoPoint? GeoPoint { get; init; }
}

public sealed record ReferencesModule
{
    /// <summary>Citations to publications related to the protocol</summary>
    public IReadOnlyList<Reference>? References { get; init; }
    /// <summary>See Also Measure Link</summary>
    public IReadOnlyList<SeeAlsoLink>? SeeAlsoLinks { get; init; }
    /// <summary>The individual participant data (IPD) sets and supporting information that are being shared for the study.</summary>
    public IReadOnlyList<AvailIpd>? AvailIpds { get; init; }
}

public sealed record Reference
{
    /// <summary>PubMed Identifier</summary>
    public string? Pmid { get; init; }
    /// <summary>Reference Type</summary>
    public Coded<ReferenceType>? Type { get; init; }
    /// <summary>Reference Citation</summary>
    public string? Citation { get; init; }
    public IReadOnlyList<Retraction>? Retractions { get; init; }
}

public sealed record Retraction
{
    /// <summary>PMID for publication retraction</summary>
    public string? Pmid { get; init; }
    public string? Source { get; init; }
}

public sealed record SeeAlsoLink
{
    /// <summary>See Also Link Label Title</summary>
    public string? Label { get; init; }
    public string? Url { get; init; }
}

public sealed record AvailIpd
{
    /// <summary>Available IPD ID</summary>
    public string? Id { get; init; }
    /// <summary>Available IPD Type</summary>
    public string? Type { get; init; }
    /// <summary>Available IPD URL</summary>
    public string? Url { get; init; }
    /// <summary>Available IPD Comment</summary>
    public string? Comment { get; init; }
}

public sealed record IpdSharingStatementModule
{
    /// <summary>Plan to Share IPD</summary>
    public Coded<IpdSharing>? IpdSharing { get; init; }
    /// <summary>IPD Sharing Description</summary>
    public string? Description { get; init; }
    /// <summary>IPDSharing Info Type</summary>
    public IReadOnlyList<Coded<IpdSharingInfoType>>? InfoTypes { get; init; }
    /// <summary>IPDSharing Time Frame</summary>
    public string? TimeFrame { get; init; }
    /// <summary>IPDSharing Access Criteria</summary>
    public string? AccessCriteria { get; init; }
    /// <summary>IPD Sharing URL</summary>
    public string? Url { get; init; }
}

public sealed record ResultsSection
{
    /// <summary>Participant Flow Module</summary>
    public ParticipantFlowModule? ParticipantFlowModule { get; init; }
    /// <summary>Baseline Measure Module</summary>
    public BaselineCharacteristicsModule? BaselineCharacteristicsModule { get; init; }
    /// <summary>Outcome Measure Module</summary>
    public OutcomeMeasuresModule? OutcomeMeasuresModule { get; init; }
    /// <summary>Adverse Events</summary>
    public AdverseEventsModule? AdverseEventsModule { get; init; }
    /// <summary>More Information Module</summary>
    public MoreInfoModule? MoreInfoModule { get; init; }
}

public sealed record ParticipantFlowModule
{
    /// <summary>Pre-assignment Details</summary>
    public string? PreAssignmentDetails { get; init; }
    /// <summary>Recruitment Details</summary>
    public string? RecruitmentDetails { get; init; }
    /// <summary>Type of Unit Analyzed</summary>
    public string? TypeUnitsAnalyzed { get; init; }
    /// <summary>Arm/Group Information</summary>
    public IReadOnlyList<FlowGroup>? Groups { get; init; }
    /// <summary>Period</summary>
    public IReadOnlyList<FlowPeriod>? Periods { get; init; }
}

public sealed record FlowGroup
{
    /// <summary>Arm/Group ID generated by PRS</summary>
    public string? Id { get; init; }
    /// <summary>Arm/Group Title</summary>
    public string? Title { get; init; }
    /// <summary>Arm/Group Description</summary>
    public string? Description { get; init; }
}

public sealed record FlowPeriod
{
    /// <summary>Period Title</summary>
    public string? Title { get; init; }
    /// <summary>Milestone</summary>
    public IReadOnlyList<FlowMilestone>? Milestones { get; init; }
    /// <summary>Reason Not Completed</summary>
    public IReadOnlyList<DropWithdraw>? DropWithdraws { get; init; }
}

public sealed record FlowMilestone
{
    /// <summary>Milestone Title</summary>
    public string? Type { get; init; }
    /// <summary>Milestone Comment</summary>
    public string? Comment { get; init; }
    /// <summary>Milestone Data (per arm/group)</summary>
    public IReadOnlyList<FlowStats>? Achievements { get; init; }
}

public sealed record FlowStats
{
    /// <summary>The arm/group this count is for (a participant flow group id)</summary>
    public string? GroupId { get; init; }
    public string? Comment { get; init; }
    /// <summary>Reason Group Number of Subjects</summary>
    public ResultValue? NumSubjects { get; init; }
    /// <summary>Number of Units</summary>
    public ResultValue? NumUnits { get; init; }
}

public sealed record DropWithdraw
{
    /// <summary>Reason Not Completed Type</summary>
    public string? Type { get; init; }
    /// <summary>A brief description of the reason for non-completion, if "Other" Reason Not Completed Type is selected.</summary>
    public string? Comment { get; init; }
    /// <summary>Reason for Not Completed per arm/group</summary>
    public IReadOnlyList<FlowStats>? Reasons { get; init; }
}

public sealed record BaselineCharacteristicsModule
{
    /// <summary>Baseline Analysis Population Description</summary>
    public string? PopulationDescription { get; init; }
    /// <summary>Type of Units Analyzed</summary>
    public string? TypeUnitsAnalyzed { get; init; }
    /// <summary>Arm/Group Information</summary>
    public IReadOnlyList<MeasureGroup>? Groups { get; init; }
    /// <summary>Structure for Overall Baseline Measure Data (Row)</summary>
    public IReadOnlyList<Denom>? Denoms { get; init; }
    /// <summary>Baseline Measure</summary>
    public IReadOnlyList<BaselineMeasure>? Measures { get; init; }
}

public sealed record MeasureGroup
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
}

public sealed record Denom
{
    public string? Units { get; init; }
    public IReadOnlyList<DenomCount>? Counts { get; init; }
}

public sealed record DenomCount
{
    public string? GroupId { get; init; }
    public ResultValue? Value { get; init; }
}

public sealed record BaselineMeasure
{
    /// <summary>Baseline Measure Title</summary>
    public string? Title { get; init; }
    /// <summary>Baseline Measure Title for Study-Specified Measure</summary>
    public string? Description { get; init; }
    /// <summary>Baseline Measure Description</summary>
    public string? PopulationDescription { get; init; }
    /// <summary>Baseline Measure Type</summary>
    public Coded<MeasureParam>? ParamType { get; init; }
    /// <summary>Baseline Measure Dispersion/Precision</summary>
    public Coded<MeasureDispersionType>? DispersionType { get; init; }
    /// <summary>Unit of Measure</summary>
    public string? UnitOfMeasure { get; init; }
    /// <summary>percentage of BaselineMeasurementValue/BaselineMeasureDenomCountValue</summary>
    public bool? CalculatePct { get; init; }
    /// <summary>Type of Units Selected</summary>
    public string? DenomUnitsSelected { get; init; }
    public IReadOnlyList<Denom>? Denoms { get; init; }
    /// <summary>Structure for a Baseline Measure ROW</summary>
    public IReadOnlyList<MeasureClass>? Classes { get; init; }
}

public sealed record MeasureClass
{
    public string? Title { get; init; }
    public IReadOnlyList<Denom>? Denoms { get; init; }
    /// <summary>Outcome Category</summary>
    public IReadOnlyList<MeasureCategory>? Categories { get; init; }
}

public sealed record MeasureCategory
{
    /// <summary>Category Title</summary>
    public string? Title { get; init; }
    public IReadOnlyList<Measurement>? Measurements { get; init; }
}

public sealed record Measurement
{
    /// <summary>Group ID</summary>
    public string? GroupId { get; init; }
    /// <summary>The measured value</summary>
    public ResultValue? Value { get; init; }
    /// <summary>The dispersion value (standard deviation, inter-quartile range or similar)</summary>
    public ResultValue? Spread { get; init; }
    /// <summary>Lower limit of the range or confidence interval</summary>
    public ResultValue? LowerLimit { get; init; }
    /// <summary>Upper limit of the range or confidence interval</summary>
    public ResultValue? UpperLimit { get; init; }
    /// <summary>Comments for N/A values</summary>
    public string? Comment { get; init; }
}

public sealed record OutcomeMeasuresModule
{
    /// <summary>Outcome Measure</summary>
    public IReadOnlyList<OutcomeMeasure>? OutcomeMeasures { get; init; }
}

public sealed record OutcomeMeasure
{
    /// <summary>Outcome Measure Type</summary>
    public Coded<OutcomeMeasureType>? Type { get; init; }
    /// <summary>Outcome Measure title</summary>
    public string? Title { get; init; }
    /// <summary>Outcome Measure Description</summary>
    public string? Description { get; init; }
    /// <summary>Analysis Population Description</summary>
    public string? PopulationDescription { get; init; }
    /// <summary>Whether there is Outcome Measure Data reported</summary>
    public Coded<ReportingStatus>? ReportingStatus { get; init; }
    /// <summary>Anticipated Reporting Date</summary>
    public PartialDate? AnticipatedPostingDate { get; init; }
    /// <summary>Outcome Measure Data Type</summary>
    public Coded<MeasureParam>? ParamType { get; init; }
    /// <summary>Outcome Measure Dispersion/Precision</summary>
    public string? DispersionType { get; init; }
    /// <summary>Unit of Measure</summary>
    public string? UnitOfMeasure { get; init; }
    /// <summary>percentage of OutcomeMeasurementValue/OutcomeMeasureDenomCountValue (internally calculated)</summary>
    public bool? CalculatePct { get; init; }
    /// <summary>Outcome Measure Time Frame</summary>
    public string? TimeFrame { get; init; }
    /// <summary>Units Analyzed</summary>
    public string? TypeUnitsAnalyzed { get; init; }
    /// <summary>OutcomeMeasureTypeUnitsAnalyzed</summary>
    public string? DenomUnitsSelected { get; init; }
    public IReadOnlyList<MeasureGroup>? Groups { get; init; }
    public IReadOnlyList<Denom>? Denoms { get; init; }
    public IReadOnlyList<MeasureClass>? Classes { get; init; }
    /// <summary>Statistical tests of significance of the primary and secondary outcome measures, if any.</summary>
    public IReadOnlyList<MeasureAnalysis>? Analyses { get; init; }
}

public sealed record MeasureAnalysis
{
    /// <summary>Estimation Parameter</summary>
    public string? ParamType { get; init; }
    /// <summary>Estimated Value</summary>
    public ResultValue? ParamValue { get; init; }
    /// <summary>Estimation Dispersion Type</summary>
    public Coded<AnalysisDispersionType>? DispersionType { get; init; }
    /// <summary>Parameter Dispersion Value</summary>
    public ResultValue? DispersionValue { get; init; }
    /// <summary>Statistical Method</summary>
    public string? StatisticalMethod { get; init; }
    /// <summary>Statistical Comment</summary>
    public string? StatisticalComment { get; init; }
    /// <summary>P-Value</summary>
    public ResultValue? PValue { get; init; }
    /// <summary>P-Value Comment</summary>
    public string? PValueComment { get; init; }
    /// <summary>Number of Sides for Confidence Interval</summary>
    public Coded<ConfidenceIntervalNumSides>? CiNumSides { get; init; }
    /// <summary>Percentage for Confidence Interval</summary>
    public ResultValue? CiPctValue { get; init; }
    /// <summary>Lower Limit for 2-sided Confidence Interval</summary>
    public ResultValue? CiLowerLimit { get; init; }
    /// <summary>Upper Limit for 2-sided Confidence Interval</summary>
    public ResultValue? CiUpperLimit { get; init; }
    /// <summary>Confidence Interval - lower limit comment</summary>
    public string? CiLowerLimitComment { get; init; }
    /// <summary>Why the upper limit of a 2-sided confidence interval is not available, if it is reported as "NA".</summary>
    public string? CiUpperLimitComment { get; init; }
    /// <summary>Estimation Comment</summary>
    public string? EstimateComment { get; init; }
    /// <summary>Non-inferiority or Equivalence Test Type</summary>
    public bool? TestedNonInferiority { get; init; }
    /// <summary>Type of Statistical Test</summary>
    public Coded<NonInferiorityType>? NonInferiorityType { get; init; }
    /// <summary>Non-inferiority or Equivalence Comment</summary>
    public string? NonInferiorityComment { get; init; }
    /// <summary>Other Statistical Analysis</summary>
    public string? OtherAnalysisDescription { get; init; }
    /// <summary>Selected Comparison Group Description</summary>
    public string? GroupDescription { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
}

public sealed record AdverseEventsModule
{
    /// <summary>Frequency Threshold</summary>
    public ResultValue? FrequencyThreshold { get; init; }
    /// <summary>Adverse Event Time Frame</summary>
    public string? TimeFrame { get; init; }
    /// <summary>Adverse Event Reporting Description</summary>
    public string? Description { get; init; }
    /// <summary>All Cause Mortality Comment</summary>
    public string? AllCauseMortalityComment { get; init; }
    /// <summary>Arm/Group</summary>
    public IReadOnlyList<EventGroup>? EventGroups { get; init; }
    /// <summary>All anticipated and unanticipated serious adverse events, grouped by organ system, with their numbers by arm or comparison group.</summary>
    public IReadOnlyList<AdverseEvent>? SeriousEvents { get; init; }
    /// <summary>Other (Not Including Serious) Adverse Events - similar to Serious AE</summary>
    public IReadOnlyList<AdverseEvent>? OtherEvents { get; init; }
}

public sealed record EventGroup
{
    /// <summary>Internal group id</summary>
    public string? Id { get; init; }
    /// <summary>Arm/Group Title</summary>
    public string? Title { get; init; }
    /// <summary>Arm/Group Description</summary>
    public string? Description { get; init; }
    /// <summary>Total Number Affected by All-Cause Mortality</summary>
    public int? DeathsNumAffected { get; init; }
    /// <summary>Total Number at Risk for All-Cause Mortality</summary>
    public int? DeathsNumAtRisk { get; init; }
    /// <summary>Number Affected by a Serious Adverse Event</summary>
    public int? SeriousNumAffected { get; init; }
    /// <summary>Number at Risk for a Serious Adverse Event</summary>
    public int? SeriousNumAtRisk { get; init; }
    /// <summary>Number Affected by Any Other Adverse Event</summary>
    public int? OtherNumAffected { get; init; }
    /// <summary>Number at Risk for Any Other Adverse Event</summary>
    public int? OtherNumAtRisk { get; init; }
}

public sealed record AdverseEvent
{
    public string? Term { get; init; }
    public string? OrganSystem { get; init; }
    public string? SourceVocabulary { get; init; }
    public Coded<EventAssessment>? AssessmentType { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<EventStats>? Stats { get; init; }
}

public sealed record EventStats
{
    public string? GroupId { get; init; }
    public int? NumEvents { get; init; }
    public int? NumAffected { get; init; }
    public int? NumAtRisk { get; init; }
}

public sealed record MoreInfoModule
{
    /// <summary>Limitations and Caveats</summary>
    public LimitationsAndCaveats? LimitationsAndCaveats { get; init; }
    /// <summary>Certain Agreement</summary>
    public CertainAgreement? CertainAgreement { get; init; }
    /// <summary>Point of Contact</summary>
    public PointOfContact? PointOfContact { get; init; }
}

public sealed record LimitationsAndCaveats
{
    /// <summary>Limitations and Caveats Description</summary>
    public string? Description { get; init; }
}

public sealed record CertainAgreement
{
    /// <summary>Agreement PI Sponsor Employee</summary>
    public bool? PiSponsorEmployee { get; init; }
    /// <summary>Agreement Restriction Type</summary>
    public Coded<AgreementRestrictionType>? RestrictionType { get; init; }
    /// <summary>Agreement Restrictive Agreement</summary>
    public bool? RestrictiveAgreement { get; init; }
    /// <summary>Agreement Other Details</summary>
    public string? OtherDetails { get; init; }
}

public sealed record PointOfContact
{
    /// <summary>Point of Contact Title</summary>
    public string? Title { get; init; }
    /// <summary>Point of Contact Organization</summary>
    public string? Organization { get; init; }
    /// <summary>Point of Contact Email</summary>
    public string? Email { get; init; }
    /// <summary>Point of Contact Phone</summary>
    public string? Phone { get; init; }
    /// <summary>Point of Contact Phone Extension</summary>
    public string? PhoneExt { get; init; }
}

public sealed record AnnotationSection
{
    /// <summary>Annotation Module</summary>
    public AnnotationModule? AnnotationModule { get; init; }
}

public sealed record AnnotationModule
{
    /// <summary>Tracking information for study results submission/QA review process (Results Submitted but not yet Published)</summary>
    public UnpostedAnnotation? UnpostedAnnotation { get; init; }
    /// <summary>FDAAA 801 Violations - entered by PRS admins</summary>
    public ViolationAnnotation? ViolationAnnotation { get; init; }
}

public sealed record UnpostedAnnotation
{
    /// <summary>Information provider (Responsible Party)</summary>
    public string? UnpostedResponsibleParty { get; init; }
    /// <summary>A Results Release, UnRelease or Reset event</summary>
    public IReadOnlyList<UnpostedEvent>? UnpostedEvents { get; init; }
}

public sealed record UnpostedEvent
{
    /// <summary>Study Results Submission Type</summary>
    public Coded<UnpostedEventType>? Type { get; init; }
    /// <summary>Study Results Submission Date</summary>
    public PartialDate? Date { get; init; }
    /// <summary>Unposted Event Date is Unknown</summary>
    public bool? DateUnknown { get; init; }
}

public sealed record ViolationAnnotation
{
    /// <summary>PRS admin can enter one of the following types and descriptions, or other text</summary>
    public IReadOnlyList<ViolationEvent>? ViolationEvents { get; init; }
}

public sealed record ViolationEvent
{
    /// <summary>• Violation Identified by FDA • Correction Confirmed by FDA • Penalty Imposed by FDA</summary>
    public Coded<ViolationEventType>? Type { get; init; }
    /// <summary>What the violation was (failure to submit, false information, non-submission, corrected, or penalty imposed).</summary>
    public string? Description { get; init; }
    /// <summary>Date the violation entered in PRS</summary>
    public PartialDate? CreationDate { get; init; }
    /// <summary>Date the FDA issued the violation</summary>
    public PartialDate? IssuedDate { get; init; }
    /// <summary>Date the study record was submitted</summary>
    public PartialDate? ReleaseDate { get; init; }
    /// <summary>Date the violation is available on clinicaltrials.gov</summary>
    public PartialDate? PostedDate { get; init; }
}

public sealed record DocumentSection
{
    /// <summary>Document Upload Module</summary>
    public LargeDocumentModule? LargeDocumentModule { get; init; }
}

public sealed record LargeDocumentModule
{
    /// <summary>Indicate that No Statistical Analysis Plan (SAP) exists for this study.</summary>
    public bool? NoSap { get; init; }
    /// <summary>PDF/A document by data provider</summary>
    public IReadOnlyList<LargeDoc>? LargeDocs { get; init; }
}

public sealed record LargeDoc
{
    /// <summary>Document Type</summary>
    public string? TypeAbbrev { get; init; }
    /// <summary>Indicate if document includes Study Protocol (Yes/No)</summary>
    public bool? HasProtocol { get; init; }
    /// <summary>Indicate is document includes Statistical Analysis Plan (Yes/No)</summary>
    public bool? HasSap { get; init; }
    /// <summary>Indicate if document includes Informed Consent Form (Yes/No)</summary>
    public bool? HasIcf { get; init; }
    /// <summary>Document Label</summary>
    public string? Label { get; init; }
    /// <summary>Document Date</summary>
    public PartialDate? Date { get; init; }
    /// <summary>Date the document was uploaded to PRS</summary>
    public LocalTimestamp? UploadDate { get; init; }
    /// <summary>Document file name (by data provider)</summary>
    public string? Filename { get; init; }
    /// <summary>Document file size</summary>
    public long? Size { get; init; }
}

public sealed record DerivedSection
{
    /// <summary>Misc Information Module</summary>
    public MiscInfoModule? MiscInfoModule { get; init; }
    /// <summary>Support for "Search By Topic"</summary>
    public BrowseModule? ConditionBrowseModule { get; init; }
    /// <summary>Support for "Search By Topic"</summary>
    public BrowseModule? InterventionBrowseModule { get; init; }
}

public sealed record MiscInfoModule
{
    /// <summary>The most recent date where Ingest ran successfully</summary>
    public PartialDate? VersionHolder { get; init; }
    /// <summary>Country for which all locations have been removed from the study</summary>
    public IReadOnlyList<string>? RemovedCountries { get; init; }
    /// <summary>Results submission tracking</summary>
    public SubmissionTracking? SubmissionTracking { get; init; }
    /// <summary>Undocumented legacy key (removed in API 2.0.5).</summary>
    public ModelPredictions? ModelPredictions { get; init; }
}

public sealed record SubmissionTracking
{
    /// <summary>Results first submitted but not yet posted (e.g. still under QC review); resultsFirstSubmitDate stays empty until they are.</summary>
    public PartialDate? EstimatedResultsFirstSubmitDate { get; init; }
    /// <summary>First MCP Info</summary>
    public FirstMcpInfo? FirstMcpInfo { get; init; }
    /// <summary>Results submission cycle information of a study</summary>
    public IReadOnlyList<SubmissionInfo>? SubmissionInfos { get; init; }
}

public sealed record FirstMcpInfo
{
    public DateStruct? PostDateStruct { get; init; }
}

public sealed record SubmissionInfo
{
    /// <summary>Results released by DP to NLM</summary>
    public PartialDate? ReleaseDate { get; init; }
    /// <summary>Results unrelease (canceled release) by DP</summary>
    public PartialDate? UnreleaseDate { get; init; }
    public bool? UnreleaseDateUnknown { get; init; }
    /// <summary>NLM QC reviewer reset/unlock study back to DP</summary>
    public PartialDate? ResetDate { get; init; }
    /// <summary>Number of Major Comment Postings of a study</summary>
    public int? McpReleaseN { get; init; }
}

public sealed record BrowseModule
{
    /// <summary>MeSH terms of the conditions or interventions</summary>
    public IReadOnlyList<Mesh>? Meshes { get; init; }
    /// <summary>Ancestor (broader) MeSH terms in the MeSH tree</summary>
    public IReadOnlyList<Mesh>? Ancestors { get; init; }
    /// <summary>Leaf browsing topics</summary>
    public IReadOnlyList<BrowseLeaf>? BrowseLeaves { get; init; }
    /// <summary>Branch browsing topics</summary>
    public IReadOnlyList<BrowseBranch>? BrowseBranches { get; init; }
}

public sealed record Mesh
{
    /// <summary>MeSH ID</summary>
    public string? Id { get; init; }
    /// <summary>MeSH Heading</summary>
    public string? Term { get; init; }
}

public sealed record BrowseLeaf
{
    /// <summary>Leaf topic id</summary>
    public string? Id { get; init; }
    /// <summary>Leaf topic name</summary>
    public string? Name { get; init; }
    /// <summary>Normalized term used to find the topic</summary>
    public string? AsFound { get; init; }
    /// <summary>Relevance to the leaf topic</summary>
    public Coded<BrowseLeafRelevance>? Relevance { get; init; }
}

public sealed record BrowseBranch
{
    /// <summary>Branch topic short name</summary>
    public string? Abbrev { get; init; }
    /// <summary>Branch topic name</summary>
    public string? Name { get; init; }
}

public sealed record GeoPoint
{
    /// <summary>Latitude</summary>
    public decimal? Lat { get; init; }
    /// <summary>Longitude</summary>
    public decimal? Lon { get; init; }
}

public sealed record ModelPredictions
{
    /// <summary>BMI limits predicted by the registry</summary>
    public BmiLimits? BmiLimits { get; init; }
}

public sealed record BmiLimits
{
    /// <summary>Minimum BMI</summary>
    public decimal? MinBmi { get; init; }
    /// <summary>Maximum BMI</summary>
    public decimal? MaxBmi { get; init; }
}
