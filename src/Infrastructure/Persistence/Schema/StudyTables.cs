using Clinical.Domain.Studies;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>
/// The schema, described once. Each table names where its rows come from in the ClinicalTrials.gov v2 record, and each
/// column its JSON path (relative to the row), its PostgreSQL type and how to read it from the study aggregate. This one
/// description produces the DDL (<see cref="SchemaSql"/>), the binary COPY writers (<see cref="Table{TRow}.WriteRows"/>),
/// the data dictionary (docs/schema.md) and the lossless test's path list. Keys: every table starts with nct_id; child
/// rows are keyed by the 0-based array index at each level, so keys are identical across re-imports.
/// A new registry field is one line here (plus its property in StudyRecord.cs and StudyParts.cs).
/// </summary>
public static class StudyTables
{
    public static readonly Table<Study> Studies = new StudiesTable("studies", "One row per study: every single-valued field of the record.")
        .Text("org_study_id", "protocolSection.identificationModule.orgStudyIdInfo.id", s => s.ProtocolSection.IdentificationModule?.OrgStudyIdInfo?.Id)
        .Code("org_study_id_type", "protocolSection.identificationModule.orgStudyIdInfo.type", s => s.ProtocolSection.IdentificationModule?.OrgStudyIdInfo?.Type)
        .Text("org_study_id_link", "protocolSection.identificationModule.orgStudyIdInfo.link", s => s.ProtocolSection.IdentificationModule?.OrgStudyIdInfo?.Link)
        .Text("brief_title", "protocolSection.identificationModule.briefTitle", s => s.ProtocolSection.IdentificationModule?.BriefTitle)
        .Text("official_title", "protocolSection.identificationModule.officialTitle", s => s.ProtocolSection.IdentificationModule?.OfficialTitle)
        .Text("acronym", "protocolSection.identificationModule.acronym", s => s.ProtocolSection.IdentificationModule?.Acronym)
        .Text("organization_full_name", "protocolSection.identificationModule.organization.fullName", s => s.ProtocolSection.IdentificationModule?.Organization?.FullName)
        .Code("organization_class", "protocolSection.identificationModule.organization.class", s => s.ProtocolSection.IdentificationModule?.Organization?.Class)
        .PartialDate("status_verified_date", "protocolSection.statusModule.statusVerifiedDate", s => s.ProtocolSection.StatusModule?.StatusVerifiedDate)
        .Code("overall_status", "protocolSection.statusModule.overallStatus", s => s.ProtocolSection.StatusModule?.OverallStatus)
        .Code("last_known_status", "protocolSection.statusModule.lastKnownStatus", s => s.ProtocolSection.StatusModule?.LastKnownStatus)
        .Bool("delayed_posting", "protocolSection.statusModule.delayedPosting", s => s.ProtocolSection.StatusModule?.DelayedPosting)
        .Text("why_stopped", "protocolSection.statusModule.whyStopped", s => s.ProtocolSection.StatusModule?.WhyStopped)
        .Bool("has_expanded_access", "protocolSection.statusModule.expandedAccessInfo.hasExpandedAccess", s => s.ProtocolSection.StatusModule?.ExpandedAccessInfo?.HasExpandedAccess)
        .Text("expanded_access_nct_id", "protocolSection.statusModule.expandedAccessInfo.nctId", s => s.ProtocolSection.StatusModule?.ExpandedAccessInfo?.NctId)
        .Code("expanded_access_status_for_nct_id", "protocolSection.statusModule.expandedAccessInfo.statusForNctId", s => s.ProtocolSection.StatusModule?.ExpandedAccessInfo?.StatusForNctId)
        .PartialDate("start_date", "protocolSection.statusModule.startDateStruct.date", s => s.ProtocolSection.StatusModule?.StartDateStruct?.Date)
        .Code("start_date_type", "protocolSection.statusModule.startDateStruct.type", s => s.ProtocolSection.StatusModule?.StartDateStruct?.Type)
        .PartialDate("primary_completion_date", "protocolSection.statusModule.primaryCompletionDateStruct.date", s => s.ProtocolSection.StatusModule?.PrimaryCompletionDateStruct?.Date)
        .Code("primary_completion_date_type", "protocolSection.statusModule.primaryCompletionDateStruct.type", s => s.ProtocolSection.StatusModule?.PrimaryCompletionDateStruct?.Type)
        .PartialDate("completion_date", "protocolSection.statusModule.completionDateStruct.date", s => s.ProtocolSection.StatusModule?.CompletionDateStruct?.Date)
        .Code("completion_date_type", "protocolSection.statusModule.completionDateStruct.type", s => s.ProtocolSection.StatusModule?.CompletionDateStruct?.Type)
        .Date("study_first_submit_date", "protocolSection.statusModule.studyFirstSubmitDate", s => s.ProtocolSection.StatusModule?.StudyFirstSubmitDate)
        .Date("study_first_submit_qc_date", "protocolSection.statusModule.studyFirstSubmitQcDate", s => s.ProtocolSection.StatusModule?.StudyFirstSubmitQcDate)
        .Date("study_first_post_date", "protocolSection.statusModule.studyFirstPostDateStruct.date", s => s.ProtocolSection.StatusModule?.StudyFirstPostDateStruct?.Date)
        .Code("study_first_post_date_type", "protocolSection.statusModule.studyFirstPostDateStruct.type", s => s.ProtocolSection.StatusModule?.StudyFirstPostDateStruct?.Type)
        .Bool("results_waived", "protocolSection.statusModule.resultsWaived", s => s.ProtocolSection.StatusModule?.ResultsWaived)
        .Date("results_first_submit_date", "protocolSection.statusModule.resultsFirstSubmitDate", s => s.ProtocolSection.StatusModule?.ResultsFirstSubmitDate)
        .Date("results_first_submit_qc_date", "protocolSection.statusModule.resultsFirstSubmitQcDate", s => s.ProtocolSection.StatusModule?.ResultsFirstSubmitQcDate)
        .Date("results_first_post_date", "protocolSection.statusModule.resultsFirstPostDateStruct.date", s => s.ProtocolSection.StatusModule?.ResultsFirstPostDateStruct?.Date)
        .Code("results_first_post_date_type", "protocolSection.statusModule.resultsFirstPostDateStruct.type", s => s.ProtocolSection.StatusModule?.ResultsFirstPostDateStruct?.Type)
        .Date("disp_first_submit_date", "protocolSection.statusModule.dispFirstSubmitDate", s => s.ProtocolSection.StatusModule?.DispFirstSubmitDate)
        .Date("disp_first_submit_qc_date", "protocolSection.statusModule.dispFirstSubmitQcDate", s => s.ProtocolSection.StatusModule?.DispFirstSubmitQcDate)
        .Date("disp_first_post_date", "protocolSection.statusModule.dispFirstPostDateStruct.date", s => s.ProtocolSection.StatusModule?.DispFirstPostDateStruct?.Date)
        .Code("disp_first_post_date_type", "protocolSection.statusModule.dispFirstPostDateStruct.type", s => s.ProtocolSection.StatusModule?.DispFirstPostDateStruct?.Type)
        .Date("last_update_submit_date", "protocolSection.statusModule.lastUpdateSubmitDate", s => s.ProtocolSection.StatusModule?.LastUpdateSubmitDate)
        .Date("last_update_post_date", "protocolSection.statusModule.lastUpdatePostDateStruct.date", s => s.ProtocolSection.StatusModule?.LastUpdatePostDateStruct?.Date)
        .Code("last_update_post_date_type", "protocolSection.statusModule.lastUpdatePostDateStruct.type", s => s.ProtocolSection.StatusModule?.LastUpdatePostDateStruct?.Type)
        .Code("responsible_party_type", "protocolSection.sponsorCollaboratorsModule.responsibleParty.type", s => s.ProtocolSection.SponsorCollaboratorsModule?.ResponsibleParty?.Type)
        .Text("responsible_party_investigator_full_name", "protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorFullName", s => s.ProtocolSection.SponsorCollaboratorsModule?.ResponsibleParty?.InvestigatorFullName)
        .Text("responsible_party_investigator_title", "protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorTitle", s => s.ProtocolSection.SponsorCollaboratorsModule?.ResponsibleParty?.InvestigatorTitle)
        .Text("responsible_party_investigator_affiliation", "protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorAffiliation", s => s.ProtocolSection.SponsorCollaboratorsModule?.ResponsibleParty?.InvestigatorAffiliation)
        .Text("responsible_party_old_name_title", "protocolSection.sponsorCollaboratorsModule.responsibleParty.oldNameTitle", s => s.ProtocolSection.SponsorCollaboratorsModule?.ResponsibleParty?.OldNameTitle)
        .Text("responsible_party_old_organization", "protocolSection.sponsorCollaboratorsModule.responsibleParty.oldOrganization", s => s.ProtocolSection.SponsorCollaboratorsModule?.ResponsibleParty?.OldOrganization)
        .Text("lead_sponsor_name", "protocolSection.sponsorCollaboratorsModule.leadSponsor.name", s => s.ProtocolSection.SponsorCollaboratorsModule?.LeadSponsor?.Name)
        .Code("lead_sponsor_class", "protocolSection.sponsorCollaboratorsModule.leadSponsor.class", s => s.ProtocolSection.SponsorCollaboratorsModule?.LeadSponsor?.Class)
        .Bool("oversight_has_dmc", "protocolSection.oversightModule.oversightHasDmc", s => s.ProtocolSection.OversightModule?.OversightHasDmc)
        .Bool("is_fda_regulated_drug", "protocolSection.oversightModule.isFdaRegulatedDrug", s => s.ProtocolSection.OversightModule?.IsFdaRegulatedDrug)
        .Bool("is_fda_regulated_device", "protocolSection.oversightModule.isFdaRegulatedDevice", s => s.ProtocolSection.OversightModule?.IsFdaRegulatedDevice)
        .Bool("is_unapproved_device", "protocolSection.oversightModule.isUnapprovedDevice", s => s.ProtocolSection.OversightModule?.IsUnapprovedDevice)
        .Bool("is_ppsd", "protocolSection.oversightModule.isPpsd", s => s.ProtocolSection.OversightModule?.IsPpsd)
        .Bool("is_us_export", "protocolSection.oversightModule.isUsExport", s => s.ProtocolSection.OversightModule?.IsUsExport)
        .Bool("fdaaa801_violation", "protocolSection.oversightModule.fdaaa801Violation", s => s.ProtocolSection.OversightModule?.Fdaaa801Violation)
        .Text("brief_summary", "protocolSection.descriptionModule.briefSummary", s => s.ProtocolSection.DescriptionModule?.BriefSummary)
        .Text("detailed_description", "protocolSection.descriptionModule.detailedDescription", s => s.ProtocolSection.DescriptionModule?.DetailedDescription)
        .Code("study_type", "protocolSection.designModule.studyType", s => s.ProtocolSection.DesignModule?.StudyType)
        .Decimal("n_ptrs_to_this_exp_acc_nct_id", "protocolSection.designModule.nPtrsToThisExpAccNctId", s => s.ProtocolSection.DesignModule?.NPtrsToThisExpAccNctId)
        .Bool("expanded_access_types_individual", "protocolSection.designModule.expandedAccessTypes.individual", s => s.ProtocolSection.DesignModule?.ExpandedAccessTypes?.Individual)
        .Bool("expanded_access_types_intermediate", "protocolSection.designModule.expandedAccessTypes.intermediate", s => s.ProtocolSection.DesignModule?.ExpandedAccessTypes?.Intermediate)
        .Bool("expanded_access_types_treatment", "protocolSection.designModule.expandedAccessTypes.treatment", s => s.ProtocolSection.DesignModule?.ExpandedAccessTypes?.Treatment)
        .Bool("patient_registry", "protocolSection.designModule.patientRegistry", s => s.ProtocolSection.DesignModule?.PatientRegistry)
        .Age("target_duration", "protocolSection.designModule.targetDuration", s => s.ProtocolSection.DesignModule?.TargetDuration)
        .Code("allocation", "protocolSection.designModule.designInfo.allocation", s => s.ProtocolSection.DesignModule?.DesignInfo?.Allocation)
        .Code("intervention_model", "protocolSection.designModule.designInfo.interventionModel", s => s.ProtocolSection.DesignModule?.DesignInfo?.InterventionModel)
        .Text("intervention_model_description", "protocolSection.designModule.designInfo.interventionModelDescription", s => s.ProtocolSection.DesignModule?.DesignInfo?.InterventionModelDescription)
        .Code("primary_purpose", "protocolSection.designModule.designInfo.primaryPurpose", s => s.ProtocolSection.DesignModule?.DesignInfo?.PrimaryPurpose)
        .Code("observational_model", "protocolSection.designModule.designInfo.observationalModel", s => s.ProtocolSection.DesignModule?.DesignInfo?.ObservationalModel)
        .Code("time_perspective", "protocolSection.designModule.designInfo.timePerspective", s => s.ProtocolSection.DesignModule?.DesignInfo?.TimePerspective)
        .Code("masking", "protocolSection.designModule.designInfo.maskingInfo.masking", s => s.ProtocolSection.DesignModule?.DesignInfo?.MaskingInfo?.Masking)
        .Text("masking_description", "protocolSection.designModule.designInfo.maskingInfo.maskingDescription", s => s.ProtocolSection.DesignModule?.DesignInfo?.MaskingInfo?.MaskingDescription)
        .Code("bio_spec_retention", "protocolSection.designModule.bioSpec.retention", s => s.ProtocolSection.DesignModule?.BioSpec?.Retention)
        .Text("bio_spec_description", "protocolSection.designModule.bioSpec.description", s => s.ProtocolSection.DesignModule?.BioSpec?.Description)
        .Int("enrollment", "protocolSection.designModule.enrollmentInfo.count", s => s.ProtocolSection.DesignModule?.EnrollmentInfo?.Count)
        .Code("enrollment_type", "protocolSection.designModule.enrollmentInfo.type", s => s.ProtocolSection.DesignModule?.EnrollmentInfo?.Type)
        .Text("eligibility_criteria", "protocolSection.eligibilityModule.eligibilityCriteria", s => s.ProtocolSection.EligibilityModule?.EligibilityCriteria)
        .Bool("healthy_volunteers", "protocolSection.eligibilityModule.healthyVolunteers", s => s.ProtocolSection.EligibilityModule?.HealthyVolunteers)
        .Code("sex", "protocolSection.eligibilityModule.sex", s => s.ProtocolSection.EligibilityModule?.Sex)
        .Bool("gender_based", "protocolSection.eligibilityModule.genderBased", s => s.ProtocolSection.EligibilityModule?.GenderBased)
        .Text("gender_description", "protocolSection.eligibilityModule.genderDescription", s => s.ProtocolSection.EligibilityModule?.GenderDescription)
        .Age("minimum_age", "protocolSection.eligibilityModule.minimumAge", s => s.ProtocolSection.EligibilityModule?.MinimumAge)
        .Age("maximum_age", "protocolSection.eligibilityModule.maximumAge", s => s.ProtocolSection.EligibilityModule?.MaximumAge)
        .Text("study_population", "protocolSection.eligibilityModule.studyPopulation", s => s.ProtocolSection.EligibilityModule?.StudyPopulation)
        .Code("sampling_method", "protocolSection.eligibilityModule.samplingMethod", s => s.ProtocolSection.EligibilityModule?.SamplingMethod)
        .Code("ipd_sharing", "protocolSection.ipdSharingStatementModule.ipdSharing", s => s.ProtocolSection.IpdSharingStatementModule?.IpdSharing)
        .Text("ipd_sharing_description", "protocolSection.ipdSharingStatementModule.description", s => s.ProtocolSection.IpdSharingStatementModule?.Description)
        .Text("ipd_sharing_time_frame", "protocolSection.ipdSharingStatementModule.timeFrame", s => s.ProtocolSection.IpdSharingStatementModule?.TimeFrame)
        .Text("ipd_sharing_access_criteria", "protocolSection.ipdSharingStatementModule.accessCriteria", s => s.ProtocolSection.IpdSharingStatementModule?.AccessCriteria)
        .Text("ipd_sharing_url", "protocolSection.ipdSharingStatementModule.url", s => s.ProtocolSection.IpdSharingStatementModule?.Url)
        .Text("flow_pre_assignment_details", "resultsSection.participantFlowModule.preAssignmentDetails", s => s.ResultsSection?.ParticipantFlowModule?.PreAssignmentDetails)
        .Text("flow_recruitment_details", "resultsSection.participantFlowModule.recruitmentDetails", s => s.ResultsSection?.ParticipantFlowModule?.RecruitmentDetails)
        .Text("flow_type_units_analyzed", "resultsSection.participantFlowModule.typeUnitsAnalyzed", s => s.ResultsSection?.ParticipantFlowModule?.TypeUnitsAnalyzed)
        .Text("baseline_population_description", "resultsSection.baselineCharacteristicsModule.populationDescription", s => s.ResultsSection?.BaselineCharacteristicsModule?.PopulationDescription)
        .Text("baseline_type_units_analyzed", "resultsSection.baselineCharacteristicsModule.typeUnitsAnalyzed", s => s.ResultsSection?.BaselineCharacteristicsModule?.TypeUnitsAnalyzed)
        .Result("adverse_events_frequency_threshold", "resultsSection.adverseEventsModule.frequencyThreshold", s => s.ResultsSection?.AdverseEventsModule?.FrequencyThreshold)
        .Text("adverse_events_time_frame", "resultsSection.adverseEventsModule.timeFrame", s => s.ResultsSection?.AdverseEventsModule?.TimeFrame)
        .Text("adverse_events_description", "resultsSection.adverseEventsModule.description", s => s.ResultsSection?.AdverseEventsModule?.Description)
        .Text("adverse_events_all_cause_mortality_comment", "resultsSection.adverseEventsModule.allCauseMortalityComment", s => s.ResultsSection?.AdverseEventsModule?.AllCauseMortalityComment)
        .Text("limitations_and_caveats", "resultsSection.moreInfoModule.limitationsAndCaveats.description", s => s.ResultsSection?.MoreInfoModule?.LimitationsAndCaveats?.Description)
        .Bool("certain_agreement_pi_sponsor_employee", "resultsSection.moreInfoModule.certainAgreement.piSponsorEmployee", s => s.ResultsSection?.MoreInfoModule?.CertainAgreement?.PiSponsorEmployee)
        .Code("certain_agreement_restriction_type", "resultsSection.moreInfoModule.certainAgreement.restrictionType", s => s.ResultsSection?.MoreInfoModule?.CertainAgreement?.RestrictionType)
        .Bool("certain_agreement_restrictive_agreement", "resultsSection.moreInfoModule.certainAgreement.restrictiveAgreement", s => s.ResultsSection?.MoreInfoModule?.CertainAgreement?.RestrictiveAgreement)
        .Text("certain_agreement_other_details", "resultsSection.moreInfoModule.certainAgreement.otherDetails", s => s.ResultsSection?.MoreInfoModule?.CertainAgreement?.OtherDetails)
        .Text("point_of_contact_title", "resultsSection.moreInfoModule.pointOfContact.title", s => s.ResultsSection?.MoreInfoModule?.PointOfContact?.Title)
        .Text("point_of_contact_organization", "resultsSection.moreInfoModule.pointOfContact.organization", s => s.ResultsSection?.MoreInfoModule?.PointOfContact?.Organization)
        .Text("point_of_contact_email", "resultsSection.moreInfoModule.pointOfContact.email", s => s.ResultsSection?.MoreInfoModule?.PointOfContact?.Email)
        .Text("point_of_contact_phone", "resultsSection.moreInfoModule.pointOfContact.phone", s => s.ResultsSection?.MoreInfoModule?.PointOfContact?.Phone)
        .Text("point_of_contact_phone_ext", "resultsSection.moreInfoModule.pointOfContact.phoneExt", s => s.ResultsSection?.MoreInfoModule?.PointOfContact?.PhoneExt)
        .Text("unposted_responsible_party", "annotationSection.annotationModule.unpostedAnnotation.unpostedResponsibleParty", s => s.AnnotationSection?.AnnotationModule?.UnpostedAnnotation?.UnpostedResponsibleParty)
        .Bool("no_sap", "documentSection.largeDocumentModule.noSap", s => s.DocumentSection?.LargeDocumentModule?.NoSap)
        .Date("version_holder", "derivedSection.miscInfoModule.versionHolder", s => s.DerivedSection?.MiscInfoModule?.VersionHolder)
        .Date("estimated_results_first_submit_date", "derivedSection.miscInfoModule.submissionTracking.estimatedResultsFirstSubmitDate", s => s.DerivedSection?.MiscInfoModule?.SubmissionTracking?.EstimatedResultsFirstSubmitDate)
        .Date("first_mcp_post_date", "derivedSection.miscInfoModule.submissionTracking.firstMcpInfo.postDateStruct.date", s => s.DerivedSection?.MiscInfoModule?.SubmissionTracking?.FirstMcpInfo?.PostDateStruct?.Date)
        .Code("first_mcp_post_date_type", "derivedSection.miscInfoModule.submissionTracking.firstMcpInfo.postDateStruct.type", s => s.DerivedSection?.MiscInfoModule?.SubmissionTracking?.FirstMcpInfo?.PostDateStruct?.Type)
        .Decimal("predicted_min_bmi", "derivedSection.miscInfoModule.modelPredictions.bmiLimits.minBmi", s => s.DerivedSection?.MiscInfoModule?.ModelPredictions?.BmiLimits?.MinBmi)
        .Decimal("predicted_max_bmi", "derivedSection.miscInfoModule.modelPredictions.bmiLimits.maxBmi", s => s.DerivedSection?.MiscInfoModule?.ModelPredictions?.BmiLimits?.MaxBmi)
        .Bool("has_results", "hasResults", s => s.HasResults);

    public static readonly Table<string> NctIdAliases = Studies.Child("nct_id_aliases", "ord", "protocolSection.identificationModule.nctIdAliases", s => s.ProtocolSection.IdentificationModule?.NctIdAliases,
        "Identifier(s) that are considered \"Obsolete\" or \"Duplicate\".")
        .Text("nct_id_alias", "", r => r);

    public static readonly Table<SecondaryIdInfo> SecondaryIds = Studies.Child("secondary_ids", "ord", "protocolSection.identificationModule.secondaryIdInfos", s => s.ProtocolSection.IdentificationModule?.SecondaryIdInfos,
        "Other identifiers of the study (grants, EudraCT/CTIS numbers, other registries).")
        .Text("id", "id", r => r.Id)
        .Code("type", "type", r => r.Type)
        .Text("domain", "domain", r => r.Domain)
        .Text("link", "link", r => r.Link);

    public static readonly Table<Sponsor> Collaborators = Studies.Child("collaborators", "ord", "protocolSection.sponsorCollaboratorsModule.collaborators", s => s.ProtocolSection.SponsorCollaboratorsModule?.Collaborators,
        "Organizations other than the lead sponsor that support the study.")
        .Text("name", "name", r => r.Name)
        .Code("class", "class", r => r.Class);

    public static readonly Table<string> Conditions = Studies.Child("conditions", "ord", "protocolSection.conditionsModule.conditions", s => s.ProtocolSection.ConditionsModule?.Conditions,
        "Conditions or diseases studied, as entered by the sponsor.")
        .Text("condition", "", r => r);

    public static readonly Table<string> Keywords = Studies.Child("keywords", "ord", "protocolSection.conditionsModule.keywords", s => s.ProtocolSection.ConditionsModule?.Keywords,
        "Keywords the sponsor entered to describe the study.")
        .Text("keyword", "", r => r);

    public static readonly Table<Coded<Phase>> Phases = Studies.Child("phases", "ord", "protocolSection.designModule.phases", s => s.ProtocolSection.DesignModule?.Phases,
        "Phases of an interventional study (a study can have two, e.g. PHASE1 and PHASE2).")
        .Code<Phase>("phase", "", r => r);

    public static readonly Table<Coded<WhoMasked>> WhoMasked = Studies.Child("who_masked", "ord", "protocolSection.designModule.designInfo.maskingInfo.whoMasked", s => s.ProtocolSection.DesignModule?.DesignInfo?.MaskingInfo?.WhoMasked,
        "Roles masked (blinded) in the study.")
        .Code<WhoMasked>("who_masked", "", r => r);

    public static readonly Table<ArmGroup> ArmGroups = Studies.Child("arm_groups", "arm_group_ord", "protocolSection.armsInterventionsModule.armGroups", s => s.ProtocolSection.ArmsInterventionsModule?.ArmGroups,
        "Arms (interventional) or groups (observational) of the study.")
        .Text("label", "label", r => r.Label)
        .Code("type", "type", r => r.Type)
        .Text("description", "description", r => r.Description);

    public static readonly Table<string> ArmGroupInterventions = ArmGroups.Child("arm_group_interventions", "ord", "interventionNames", r => r.InterventionNames,
        "Interventions an arm or group receives, by name (\"Drug: Aspirin\").")
        .Text("intervention_name", "", r => r);

    public static readonly Table<Intervention> Interventions = Studies.Child("interventions", "intervention_ord", "protocolSection.armsInterventionsModule.interventions", s => s.ProtocolSection.ArmsInterventionsModule?.Interventions,
        "Interventions or exposures of the study.")
        .Code("type", "type", r => r.Type)
        .Text("name", "name", r => r.Name)
        .Text("description", "description", r => r.Description);

    public static readonly Table<string> InterventionArmGroups = Interventions.Child("intervention_arm_groups", "ord", "armGroupLabels", r => r.ArmGroupLabels,
        "Arms or groups that receive an intervention, by label (joins arm_groups.label).")
        .Text("arm_group_label", "", r => r);

    public static readonly Table<string> InterventionOtherNames = Interventions.Child("intervention_other_names", "ord", "otherNames", r => r.OtherNames,
        "Other names (synonyms, brand names) of an intervention.")
        .Text("other_name", "", r => r);

    public static readonly Table<string> InterventionMappedNames = Interventions.Child("intervention_mapped_names", "ord", "interventionMappedName", r => r.InterventionMappedName,
        "Mapped intervention names: an undocumented key of 2023-era downloads, kept so nothing is lost.")
        .Text("mapped_name", "", r => r);

    public static readonly Table<Outcome> DesignOutcomes = Studies.Merged<Outcome>(
        "design_outcomes", "outcome_type", "ord", "Primary, secondary and other outcome measures planned in the protocol.",
        ("PRIMARY", "protocolSection.outcomesModule.primaryOutcomes", s => s.ProtocolSection.OutcomesModule?.PrimaryOutcomes),
        ("SECONDARY", "protocolSection.outcomesModule.secondaryOutcomes", s => s.ProtocolSection.OutcomesModule?.SecondaryOutcomes),
        ("OTHER", "protocolSection.outcomesModule.otherOutcomes", s => s.ProtocolSection.OutcomesModule?.OtherOutcomes))
        .Text("measure", "measure", r => r.Measure)
        .Text("description", "description", r => r.Description)
        .Text("time_frame", "timeFrame", r => r.TimeFrame);

    public static readonly Table<Coded<StandardAge>> StdAges = Studies.Child("std_ages", "ord", "protocolSection.eligibilityModule.stdAges", s => s.ProtocolSection.EligibilityModule?.StdAges,
        "Age groups (CHILD, ADULT, OLDER_ADULT) the registry derives from the minimum and maximum age.")
        .Code<StandardAge>("std_age", "", r => r);

    public static readonly Table<Contact> CentralContacts = Studies.Child("central_contacts", "ord", "protocolSection.contactsLocationsModule.centralContacts", s => s.ProtocolSection.ContactsLocationsModule?.CentralContacts,
        "Central contacts for enrollment questions.")
        .Text("name", "name", r => r.Name)
        .Code("role", "role", r => r.Role)
        .Text("phone", "phone", r => r.Phone)
        .Text("phone_ext", "phoneExt", r => r.PhoneExt)
        .Text("email", "email", r => r.Email);

    public static readonly Table<Official> OverallOfficials = Studies.Child("overall_officials", "ord", "protocolSection.contactsLocationsModule.overallOfficials", s => s.ProtocolSection.ContactsLocationsModule?.OverallOfficials,
        "Persons responsible for the scientific leadership of the study.")
        .Text("name", "name", r => r.Name)
        .Text("affiliation", "affiliation", r => r.Affiliation)
        .Code("role", "role", r => r.Role);

    public static readonly Table<Location> Locations = Studies.Child("locations", "location_ord", "protocolSection.contactsLocationsModule.locations", s => s.ProtocolSection.ContactsLocationsModule?.Locations,
        "Sites (facilities) of the study, with status and geographic point.")
        .Text("facility", "facility", r => r.Facility)
        .Code("status", "status", r => r.Status)
        .Text("city", "city", r => r.City)
        .Text("state", "state", r => r.State)
        .Text("zip", "zip", r => r.Zip)
        .Text("country", "country", r => r.Country)
        .Decimal("latitude", "geoPoint.lat", r => r.GeoPoint?.Lat)
        .Decimal("longitude", "geoPoint.lon", r => r.GeoPoint?.Lon);

    public static readonly Table<Contact> LocationContacts = Locations.Child("location_contacts", "ord", "contacts", r => r.Contacts,
        "Contacts at a site.")
        .Text("name", "name", r => r.Name)
        .Code("role", "role", r => r.Role)
        .Text("phone", "phone", r => r.Phone)
        .Text("phone_ext", "phoneExt", r => r.PhoneExt)
        .Text("email", "email", r => r.Email);

    public static readonly Table<Reference> StudyReferences = Studies.Child("study_references", "reference_ord", "protocolSection.referencesModule.references", s => s.ProtocolSection.ReferencesModule?.References,
        "Citations of publications about the study (PubMed id, type, citation).")
        .Text("pmid", "pmid", r => r.Pmid)
        .Code("type", "type", r => r.Type)
        .Text("citation", "citation", r => r.Citation);

    public static readonly Table<Retraction> Retractions = StudyReferences.Child("retractions", "ord", "retractions", r => r.Retractions,
        "Retraction notices of a cited publication.")
        .Text("pmid", "pmid", r => r.Pmid)
        .Text("source", "source", r => r.Source);

    public static readonly Table<SeeAlsoLink> SeeAlsoLinks = Studies.Child("see_also_links", "ord", "protocolSection.referencesModule.seeAlsoLinks", s => s.ProtocolSection.ReferencesModule?.SeeAlsoLinks,
        "Web links relevant to the study.")
        .Text("label", "label", r => r.Label)
        .Text("url", "url", r => r.Url);

    public static readonly Table<AvailIpd> AvailableIpds = Studies.Child("available_ipds", "ord", "protocolSection.referencesModule.availIpds", s => s.ProtocolSection.ReferencesModule?.AvailIpds,
        "Individual participant data sets and supporting documents that are shared.")
        .Text("id", "id", r => r.Id)
        .Text("type", "type", r => r.Type)
        .Text("url", "url", r => r.Url)
        .Text("comment", "comment", r => r.Comment);

    public static readonly Table<Coded<IpdSharingInfoType>> IpdInfoTypes = Studies.Child("ipd_info_types", "ord", "protocolSection.ipdSharingStatementModule.infoTypes", s => s.ProtocolSection.IpdSharingStatementModule?.InfoTypes,
        "Types of supporting information shared with the individual participant data.")
        .Code<IpdSharingInfoType>("info_type", "", r => r);

    public static readonly Table<FlowGroup> FlowGroups = Studies.Child("flow_groups", "ord", "resultsSection.participantFlowModule.groups", s => s.ResultsSection?.ParticipantFlowModule?.Groups,
        "Arms/groups of the participant flow (ids FG000, FG001, …).")
        .Text("id", "id", r => r.Id)
        .Text("title", "title", r => r.Title)
        .Text("description", "description", r => r.Description);

    public static readonly Table<FlowPeriod> FlowPeriods = Studies.Child("flow_periods", "period_ord", "resultsSection.participantFlowModule.periods", s => s.ResultsSection?.ParticipantFlowModule?.Periods,
        "Periods of the participant flow (e.g. \"Overall Study\").")
        .Text("title", "title", r => r.Title);

    public static readonly Table<FlowMilestone> FlowMilestones = FlowPeriods.Child("flow_milestones", "milestone_ord", "milestones", r => r.Milestones,
        "Milestones of a period (STARTED, COMPLETED, NOT COMPLETED or custom).")
        .Text("type", "type", r => r.Type)
        .Text("comment", "comment", r => r.Comment);

    public static readonly Table<FlowStats> FlowMilestoneCounts = FlowMilestones.Child("flow_milestone_counts", "ord", "achievements", r => r.Achievements,
        "Participants (and units) per group at a milestone, with the comment AACT drops.")
        .Text("group_id", "groupId", r => r.GroupId)
        .Text("comment", "comment", r => r.Comment)
        .Result("num_subjects", "numSubjects", r => r.NumSubjects)
        .Result("num_units", "numUnits", r => r.NumUnits);

    public static readonly Table<DropWithdraw> FlowDropWithdraws = FlowPeriods.Child("flow_drop_withdraws", "drop_withdraw_ord", "dropWithdraws", r => r.DropWithdraws,
        "Reasons participants did not complete a period.")
        .Text("type", "type", r => r.Type)
        .Text("comment", "comment", r => r.Comment);

    public static readonly Table<FlowStats> FlowDropWithdrawCounts = FlowDropWithdraws.Child("flow_drop_withdraw_counts", "ord", "reasons", r => r.Reasons,
        "Participants per group for a reason for not completing.")
        .Text("group_id", "groupId", r => r.GroupId)
        .Text("comment", "comment", r => r.Comment)
        .Result("num_subjects", "numSubjects", r => r.NumSubjects)
        .Result("num_units", "numUnits", r => r.NumUnits);

    public static readonly Table<MeasureGroup> BaselineGroups = Studies.Child("baseline_groups", "ord", "resultsSection.baselineCharacteristicsModule.groups", s => s.ResultsSection?.BaselineCharacteristicsModule?.Groups,
        "Arms/groups of the baseline characteristics (ids BG000, …; the last is usually \"Total\").")
        .MeasureGroupColumns();

    public static readonly Table<Denom> BaselineDenoms = Studies.Child("baseline_denoms", "denom_ord", "resultsSection.baselineCharacteristicsModule.denoms", s => s.ResultsSection?.BaselineCharacteristicsModule?.Denoms,
        "Overall number of baseline participants (or units) analyzed, per units.")
        .DenomColumns();

    public static readonly Table<DenomCount> BaselineDenomCounts = BaselineDenoms.Child("baseline_denom_counts", "ord", "counts", r => r.Counts,
        "Per-group counts of the overall baseline denominators.")
        .DenomCountColumns();

    public static readonly Table<BaselineMeasure> BaselineMeasures = Studies.Child("baseline_measures", "measure_ord", "resultsSection.baselineCharacteristicsModule.measures", s => s.ResultsSection?.BaselineCharacteristicsModule?.Measures,
        "Baseline measures (age, sex, race, region of enrollment, …).")
        .Text("title", "title", r => r.Title)
        .Text("description", "description", r => r.Description)
        .Text("population_description", "populationDescription", r => r.PopulationDescription)
        .Code("param_type", "paramType", r => r.ParamType)
        .Code("dispersion_type", "dispersionType", r => r.DispersionType)
        .Text("unit_of_measure", "unitOfMeasure", r => r.UnitOfMeasure)
        .Bool("calculate_pct", "calculatePct", r => r.CalculatePct)
        .Text("denom_units_selected", "denomUnitsSelected", r => r.DenomUnitsSelected);

    public static readonly Table<Denom> BaselineMeasureDenoms = BaselineMeasures.Child("baseline_measure_denoms", "denom_ord", "denoms", r => r.Denoms,
        "Participants analyzed for one baseline measure, when it differs from the overall number.")
        .DenomColumns();

    public static readonly Table<DenomCount> BaselineMeasureDenomCounts = BaselineMeasureDenoms.Child("baseline_measure_denom_counts", "ord", "counts", r => r.Counts,
        "Per-group counts of a baseline measure's denominators.")
        .DenomCountColumns();

    public static readonly Table<MeasureClass> BaselineClasses = BaselineMeasures.Child("baseline_classes", "class_ord", "classes", r => r.Classes,
        "Rows (classes) of a baseline measure, e.g. one per region.")
        .Text("title", "title", r => r.Title);

    public static readonly Table<Denom> BaselineClassDenoms = BaselineClasses.Child("baseline_class_denoms", "denom_ord", "denoms", r => r.Denoms,
        "Participants analyzed for one class of a baseline measure.")
        .DenomColumns();

    public static readonly Table<DenomCount> BaselineClassDenomCounts = BaselineClassDenoms.Child("baseline_class_denom_counts", "ord", "counts", r => r.Counts,
        "Per-group counts of a baseline class's denominators.")
        .DenomCountColumns();

    public static readonly Table<MeasureCategory> BaselineCategories = BaselineClasses.Child("baseline_categories", "category_ord", "categories", r => r.Categories,
        "Categories within a class of a baseline measure (e.g. Female / Male).")
        .Text("title", "title", r => r.Title);

    public static readonly Table<Measurement> BaselineMeasurements = BaselineCategories.Child("baseline_measurements", "ord", "measurements", r => r.Measurements,
        "Baseline values per group: value, spread and limits as sent plus parsed numbers.")
        .MeasurementColumns();

    public static readonly Table<OutcomeMeasure> OutcomeMeasures = Studies.Child("outcome_measures", "measure_ord", "resultsSection.outcomeMeasuresModule.outcomeMeasures", s => s.ResultsSection?.OutcomeMeasuresModule?.OutcomeMeasures,
        "Outcome measures reported in the results (primary, secondary, other, post hoc).")
        .Code("type", "type", r => r.Type)
        .Text("title", "title", r => r.Title)
        .Text("description", "description", r => r.Description)
        .Text("population_description", "populationDescription", r => r.PopulationDescription)
        .Code("reporting_status", "reportingStatus", r => r.ReportingStatus)
        .PartialDate("anticipated_posting_date", "anticipatedPostingDate", r => r.AnticipatedPostingDate)
        .Code("param_type", "paramType", r => r.ParamType)
        .Text("dispersion_type", "dispersionType", r => r.DispersionType)
        .Text("unit_of_measure", "unitOfMeasure", r => r.UnitOfMeasure)
        .Bool("calculate_pct", "calculatePct", r => r.CalculatePct)
        .Text("time_frame", "timeFrame", r => r.TimeFrame)
        .Text("type_units_analyzed", "typeUnitsAnalyzed", r => r.TypeUnitsAnalyzed)
        .Text("denom_units_selected", "denomUnitsSelected", r => r.DenomUnitsSelected);

    public static readonly Table<MeasureGroup> OutcomeGroups = OutcomeMeasures.Child("outcome_groups", "ord", "groups", r => r.Groups,
        "Arms/groups of one outcome measure (ids OG000, … restart in every measure; key them by measure_ord).")
        .MeasureGroupColumns();

    public static readonly Table<Denom> OutcomeDenoms = OutcomeMeasures.Child("outcome_denoms", "denom_ord", "denoms", r => r.Denoms,
        "Participants (or units) analyzed in one outcome measure.")
        .DenomColumns();

    public static readonly Table<DenomCount> OutcomeDenomCounts = OutcomeDenoms.Child("outcome_denom_counts", "ord", "counts", r => r.Counts,
        "Per-group counts of an outcome measure's denominators.")
        .DenomCountColumns();

    public static readonly Table<MeasureClass> OutcomeClasses = OutcomeMeasures.Child("outcome_classes", "class_ord", "classes", r => r.Classes,
        "Rows (classes) of an outcome measure.")
        .Text("title", "title", r => r.Title);

    public static readonly Table<Denom> OutcomeClassDenoms = OutcomeClasses.Child("outcome_class_denoms", "denom_ord", "denoms", r => r.Denoms,
        "Participants analyzed for one class of an outcome measure.")
        .DenomColumns();

    public static readonly Table<DenomCount> OutcomeClassDenomCounts = OutcomeClassDenoms.Child("outcome_class_denom_counts", "ord", "counts", r => r.Counts,
        "Per-group counts of an outcome class's denominators.")
        .DenomCountColumns();

    public static readonly Table<MeasureCategory> OutcomeCategories = OutcomeClasses.Child("outcome_categories", "category_ord", "categories", r => r.Categories,
        "Categories within a class of an outcome measure.")
        .Text("title", "title", r => r.Title);

    public static readonly Table<Measurement> OutcomeMeasurements = OutcomeCategories.Child("outcome_measurements", "ord", "measurements", r => r.Measurements,
        "Outcome values per group: value, spread and limits as sent plus parsed numbers and qualifiers.")
        .MeasurementColumns();

    public static readonly Table<MeasureAnalysis> OutcomeAnalyses = OutcomeMeasures.Child("outcome_analyses", "analysis_ord", "analyses", r => r.Analyses,
        "Statistical analyses of an outcome measure (p-value, confidence interval, method, non-inferiority).")
        .Text("param_type", "paramType", r => r.ParamType)
        .Result("param_value", "paramValue", r => r.ParamValue)
        .Code("dispersion_type", "dispersionType", r => r.DispersionType)
        .Result("dispersion_value", "dispersionValue", r => r.DispersionValue)
        .Text("statistical_method", "statisticalMethod", r => r.StatisticalMethod)
        .Text("statistical_comment", "statisticalComment", r => r.StatisticalComment)
        .Result("p_value", "pValue", r => r.PValue)
        .Text("p_value_comment", "pValueComment", r => r.PValueComment)
        .Code("ci_num_sides", "ciNumSides", r => r.CiNumSides)
        .Result("ci_pct_value", "ciPctValue", r => r.CiPctValue)
        .Result("ci_lower_limit", "ciLowerLimit", r => r.CiLowerLimit)
        .Result("ci_upper_limit", "ciUpperLimit", r => r.CiUpperLimit)
        .Text("ci_lower_limit_comment", "ciLowerLimitComment", r => r.CiLowerLimitComment)
        .Text("ci_upper_limit_comment", "ciUpperLimitComment", r => r.CiUpperLimitComment)
        .Text("estimate_comment", "estimateComment", r => r.EstimateComment)
        .Bool("tested_non_inferiority", "testedNonInferiority", r => r.TestedNonInferiority)
        .Code("non_inferiority_type", "nonInferiorityType", r => r.NonInferiorityType)
        .Text("non_inferiority_comment", "nonInferiorityComment", r => r.NonInferiorityComment)
        .Text("other_analysis_description", "otherAnalysisDescription", r => r.OtherAnalysisDescription)
        .Text("group_description", "groupDescription", r => r.GroupDescription);

    public static readonly Table<string> OutcomeAnalysisGroups = OutcomeAnalyses.Child("outcome_analysis_groups", "ord", "groupIds", r => r.GroupIds,
        "Groups (OG ids of the same measure) compared in a statistical analysis.")
        .Text("group_id", "", r => r);

    public static readonly Table<EventGroup> EventGroups = Studies.Child("event_groups", "ord", "resultsSection.adverseEventsModule.eventGroups", s => s.ResultsSection?.AdverseEventsModule?.EventGroups,
        "Arms/groups of the adverse events module (ids EG000, …) with deaths, serious and other totals.")
        .Text("id", "id", r => r.Id)
        .Text("title", "title", r => r.Title)
        .Text("description", "description", r => r.Description)
        .Int("deaths_num_affected", "deathsNumAffected", r => r.DeathsNumAffected)
        .Int("deaths_num_at_risk", "deathsNumAtRisk", r => r.DeathsNumAtRisk)
        .Int("serious_num_affected", "seriousNumAffected", r => r.SeriousNumAffected)
        .Int("serious_num_at_risk", "seriousNumAtRisk", r => r.SeriousNumAtRisk)
        .Int("other_num_affected", "otherNumAffected", r => r.OtherNumAffected)
        .Int("other_num_at_risk", "otherNumAtRisk", r => r.OtherNumAtRisk);

    public static readonly Table<AdverseEvent> AdverseEvents = Studies.Merged<AdverseEvent>(
        "adverse_events", "event_type", "event_ord", "Serious and other (non-serious) adverse event terms reported in the results.",
        ("SERIOUS", "resultsSection.adverseEventsModule.seriousEvents", s => s.ResultsSection?.AdverseEventsModule?.SeriousEvents),
        ("OTHER", "resultsSection.adverseEventsModule.otherEvents", s => s.ResultsSection?.AdverseEventsModule?.OtherEvents))
        .Text("term", "term", r => r.Term)
        .Text("organ_system", "organSystem", r => r.OrganSystem)
        .Text("source_vocabulary", "sourceVocabulary", r => r.SourceVocabulary)
        .Code("assessment_type", "assessmentType", r => r.AssessmentType)
        .Text("notes", "notes", r => r.Notes);

    public static readonly Table<EventStats> AdverseEventCounts = AdverseEvents.Child("adverse_event_counts", "ord", "stats", r => r.Stats,
        "Per-group counts for an adverse event term: participants affected, at risk, and events.")
        .Text("group_id", "groupId", r => r.GroupId)
        .Int("num_events", "numEvents", r => r.NumEvents)
        .Int("num_affected", "numAffected", r => r.NumAffected)
        .Int("num_at_risk", "numAtRisk", r => r.NumAtRisk);

    public static readonly Table<UnpostedEvent> UnpostedEvents = Studies.Child("unposted_events", "ord", "annotationSection.annotationModule.unpostedAnnotation.unpostedEvents", s => s.AnnotationSection?.AnnotationModule?.UnpostedAnnotation?.UnpostedEvents,
        "Results release, unrelease and reset events of results not yet posted.")
        .Code("type", "type", r => r.Type)
        .Date("date", "date", r => r.Date)
        .Bool("date_unknown", "dateUnknown", r => r.DateUnknown);

    public static readonly Table<ViolationEvent> ViolationEvents = Studies.Child("violation_events", "ord", "annotationSection.annotationModule.violationAnnotation.violationEvents", s => s.AnnotationSection?.AnnotationModule?.ViolationAnnotation?.ViolationEvents,
        "FDAAA 801 violation events (identified, corrected, penalty) — loaded by none of the peers.")
        .Code("type", "type", r => r.Type)
        .Text("description", "description", r => r.Description)
        .Date("creation_date", "creationDate", r => r.CreationDate)
        .Date("issued_date", "issuedDate", r => r.IssuedDate)
        .Date("release_date", "releaseDate", r => r.ReleaseDate)
        .Date("posted_date", "postedDate", r => r.PostedDate);

    public static readonly Table<LargeDoc> LargeDocuments = Studies.Child("large_documents", "ord", "documentSection.largeDocumentModule.largeDocs", s => s.DocumentSection?.LargeDocumentModule?.LargeDocs,
        "Uploaded documents: protocol, statistical analysis plan, informed consent form.")
        .Text("type_abbrev", "typeAbbrev", r => r.TypeAbbrev)
        .Bool("has_protocol", "hasProtocol", r => r.HasProtocol)
        .Bool("has_sap", "hasSap", r => r.HasSap)
        .Bool("has_icf", "hasIcf", r => r.HasIcf)
        .Text("label", "label", r => r.Label)
        .Date("date", "date", r => r.Date)
        .Timestamp("upload_date", "uploadDate", r => r.UploadDate)
        .Text("filename", "filename", r => r.Filename)
        .Long("size", "size", r => r.Size);

    public static readonly Table<string> RemovedCountries = Studies.Child("removed_countries", "ord", "derivedSection.miscInfoModule.removedCountries", s => s.DerivedSection?.MiscInfoModule?.RemovedCountries,
        "Countries whose every site was removed from the study.")
        .Text("country", "", r => r);

    public static readonly Table<SubmissionInfo> SubmissionInfos = Studies.Child("submission_infos", "ord", "derivedSection.miscInfoModule.submissionTracking.submissionInfos", s => s.DerivedSection?.MiscInfoModule?.SubmissionTracking?.SubmissionInfos,
        "Results submission cycles (release, unrelease, reset dates).")
        .Date("release_date", "releaseDate", r => r.ReleaseDate)
        .Date("unrelease_date", "unreleaseDate", r => r.UnreleaseDate)
        .Bool("unrelease_date_unknown", "unreleaseDateUnknown", r => r.UnreleaseDateUnknown)
        .Date("reset_date", "resetDate", r => r.ResetDate)
        .Int("mcp_release_n", "mcpReleaseN", r => r.McpReleaseN);

    public static readonly Table<Mesh> BrowseMeshes = Studies.Merged<Mesh>(
        "browse_meshes", "browse", "ord", "MeSH terms the registry assigned to the conditions or interventions.",
        ("CONDITION", "derivedSection.conditionBrowseModule.meshes", s => s.DerivedSection?.ConditionBrowseModule?.Meshes),
        ("INTERVENTION", "derivedSection.interventionBrowseModule.meshes", s => s.DerivedSection?.InterventionBrowseModule?.Meshes))
        .Text("id", "id", r => r.Id)
        .Text("term", "term", r => r.Term);

    public static readonly Table<Mesh> BrowseAncestors = Studies.Merged<Mesh>(
        "browse_ancestors", "browse", "ord", "MeSH ancestors of the assigned terms.",
        ("CONDITION", "derivedSection.conditionBrowseModule.ancestors", s => s.DerivedSection?.ConditionBrowseModule?.Ancestors),
        ("INTERVENTION", "derivedSection.interventionBrowseModule.ancestors", s => s.DerivedSection?.InterventionBrowseModule?.Ancestors))
        .Text("id", "id", r => r.Id)
        .Text("term", "term", r => r.Term);

    public static readonly Table<BrowseLeaf> BrowseLeaves = Studies.Merged<BrowseLeaf>(
        "browse_leaves", "browse", "ord", "MeSH browse leaves: terms found in the record, with their relevance.",
        ("CONDITION", "derivedSection.conditionBrowseModule.browseLeaves", s => s.DerivedSection?.ConditionBrowseModule?.BrowseLeaves),
        ("INTERVENTION", "derivedSection.interventionBrowseModule.browseLeaves", s => s.DerivedSection?.InterventionBrowseModule?.BrowseLeaves))
        .Text("id", "id", r => r.Id)
        .Text("name", "name", r => r.Name)
        .Text("as_found", "asFound", r => r.AsFound)
        .Code("relevance", "relevance", r => r.Relevance);

    public static readonly Table<BrowseBranch> BrowseBranches = Studies.Merged<BrowseBranch>(
        "browse_branches", "browse", "ord", "MeSH browse branches (categories) of the record.",
        ("CONDITION", "derivedSection.conditionBrowseModule.browseBranches", s => s.DerivedSection?.ConditionBrowseModule?.BrowseBranches),
        ("INTERVENTION", "derivedSection.interventionBrowseModule.browseBranches", s => s.DerivedSection?.InterventionBrowseModule?.BrowseBranches))
        .Text("abbrev", "abbrev", r => r.Abbrev)
        .Text("name", "name", r => r.Name);

    /// <summary>What is wrong with a study but did not stop it from loading: derived by the importer, not read from the record.</summary>
    public static readonly Table<Finding> Findings = new FindingsTable(
        "findings",
        "One row per finding: what is wrong with a study but did not stop it from loading (a broken soft invariant, a value the registry is not known to send). Written with the study's other rows and replaced with them; `rule` is indexed for per-rule queries.",
        Studies);

    /// <summary>
    /// JSON paths of the record that are deliberately not loaded, with the reason. Everything else the registry sends
    /// has a column; paths that are neither are reported as schema drift by each run.
    /// </summary>
    public static IReadOnlyDictionary<string, string> IgnoredPaths { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["protocolSection.contactsLocationsModule.locations_nested"] =
            "a verbatim duplicate of locations in 2023 beta-era downloads; loading it would count every site twice",
    };

    /// <summary>
    /// Ignored paths that hold a verbatim copy of another path: a study that has one notes it in its JSON shape (so an
    /// export writes the copy back); one that is not a verbatim copy is lost, and the import says so with a finding.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CopiedPaths { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["protocolSection.contactsLocationsModule.locations_nested"] = "protocolSection.contactsLocationsModule.locations",
    };

    /// <summary>Every table, parents before children.</summary>
    public static IReadOnlyList<Table> All { get; } =
    [
        Studies,
        NctIdAliases,
        SecondaryIds,
        Collaborators,
        Conditions,
        Keywords,
        Phases,
        WhoMasked,
        ArmGroups,
        ArmGroupInterventions,
        Interventions,
        InterventionArmGroups,
        InterventionOtherNames,
        InterventionMappedNames,
        DesignOutcomes,
        StdAges,
        CentralContacts,
        OverallOfficials,
        Locations,
        LocationContacts,
        StudyReferences,
        Retractions,
        SeeAlsoLinks,
        AvailableIpds,
        IpdInfoTypes,
        FlowGroups,
        FlowPeriods,
        FlowMilestones,
        FlowMilestoneCounts,
        FlowDropWithdraws,
        FlowDropWithdrawCounts,
        BaselineGroups,
        BaselineDenoms,
        BaselineDenomCounts,
        BaselineMeasures,
        BaselineMeasureDenoms,
        BaselineMeasureDenomCounts,
        BaselineClasses,
        BaselineClassDenoms,
        BaselineClassDenomCounts,
        BaselineCategories,
        BaselineMeasurements,
        OutcomeMeasures,
        OutcomeGroups,
        OutcomeDenoms,
        OutcomeDenomCounts,
        OutcomeClasses,
        OutcomeClassDenoms,
        OutcomeClassDenomCounts,
        OutcomeCategories,
        OutcomeMeasurements,
        OutcomeAnalyses,
        OutcomeAnalysisGroups,
        EventGroups,
        AdverseEvents,
        AdverseEventCounts,
        UnpostedEvents,
        ViolationEvents,
        LargeDocuments,
        RemovedCountries,
        SubmissionInfos,
        BrowseMeshes,
        BrowseAncestors,
        BrowseLeaves,
        BrowseBranches,
        Findings,
    ];

    // Columns of the record types that several tables share (group, denominator, count, measurement): one line per field.
    private static Table<MeasureGroup> MeasureGroupColumns(this Table<MeasureGroup> table) => table
        .Text("id", "id", r => r.Id)
        .Text("title", "title", r => r.Title)
        .Text("description", "description", r => r.Description);

    private static Table<Denom> DenomColumns(this Table<Denom> table) => table
        .Text("units", "units", r => r.Units);

    private static Table<DenomCount> DenomCountColumns(this Table<DenomCount> table) => table
        .Text("group_id", "groupId", r => r.GroupId)
        .Result("value", "value", r => r.Value);

    private static Table<Measurement> MeasurementColumns(this Table<Measurement> table) => table
        .Text("group_id", "groupId", r => r.GroupId)
        .Result("value", "value", r => r.Value)
        .Result("spread", "spread", r => r.Spread)
        .Result("lower_limit", "lowerLimit", r => r.LowerLimit)
        .Result("upper_limit", "upperLimit", r => r.UpperLimit)
        .Text("comment", "comment", r => r.Comment);

}
