// Checks that never reject: a value spelled in a way this version does not know (a new enum value, a date or age the
// registry is not known to send) is stored as given and reported as a warning with its JSON path. Plain code, one
// method per record type, run by one FluentValidation custom rule of StudyRecordValidator: a rule object per field
// cost more than parsing the study (measured: 157 µs a study with nested AbstractValidators).
using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

internal static class StudyValueChecks
{
    public static void Check(StudyRecord r, ValueCheckContext c)
    {
        if (r.ProtocolSection is { } protocolSectionValue)
        {
            c.Enter("protocolSection");
            Check(protocolSectionValue, c);
            c.Leave();
        }
        if (r.ResultsSection is { } resultsSectionValue)
        {
            c.Enter("resultsSection");
            Check(resultsSectionValue, c);
            c.Leave();
        }
        if (r.AnnotationSection is { } annotationSectionValue)
        {
            c.Enter("annotationSection");
            Check(annotationSectionValue, c);
            c.Leave();
        }
        if (r.DocumentSection is { } documentSectionValue)
        {
            c.Enter("documentSection");
            Check(documentSectionValue, c);
            c.Leave();
        }
        if (r.DerivedSection is { } derivedSectionValue)
        {
            c.Enter("derivedSection");
            Check(derivedSectionValue, c);
            c.Leave();
        }
    }

    private static void Check(ProtocolSectionRecord r, ValueCheckContext c)
    {
        if (r.IdentificationModule is { } identificationModuleValue)
        {
            c.Enter("identificationModule");
            Check(identificationModuleValue, c);
            c.Leave();
        }
        if (r.StatusModule is { } statusModuleValue)
        {
            c.Enter("statusModule");
            Check(statusModuleValue, c);
            c.Leave();
        }
        if (r.SponsorCollaboratorsModule is { } sponsorCollaboratorsModuleValue)
        {
            c.Enter("sponsorCollaboratorsModule");
            Check(sponsorCollaboratorsModuleValue, c);
            c.Leave();
        }
        if (r.DesignModule is { } designModuleValue)
        {
            c.Enter("designModule");
            Check(designModuleValue, c);
            c.Leave();
        }
        if (r.ArmsInterventionsModule is { } armsInterventionsModuleValue)
        {
            c.Enter("armsInterventionsModule");
            Check(armsInterventionsModuleValue, c);
            c.Leave();
        }
        if (r.EligibilityModule is { } eligibilityModuleValue)
        {
            c.Enter("eligibilityModule");
            Check(eligibilityModuleValue, c);
            c.Leave();
        }
        if (r.ContactsLocationsModule is { } contactsLocationsModuleValue)
        {
            c.Enter("contactsLocationsModule");
            Check(contactsLocationsModuleValue, c);
            c.Leave();
        }
        if (r.ReferencesModule is { } referencesModuleValue)
        {
            c.Enter("referencesModule");
            Check(referencesModuleValue, c);
            c.Leave();
        }
        if (r.IpdSharingStatementModule is { } ipdSharingStatementModuleValue)
        {
            c.Enter("ipdSharingStatementModule");
            Check(ipdSharingStatementModuleValue, c);
            c.Leave();
        }
    }

    private static void Check(IdentificationModuleRecord r, ValueCheckContext c)
    {
        if (r.OrgStudyIdInfo is { } orgStudyIdInfoValue)
        {
            c.Enter("orgStudyIdInfo");
            Check(orgStudyIdInfoValue, c);
            c.Leave();
        }
        for (var i = 0; i < (r.SecondaryIdInfos?.Count ?? 0); i++)
        {
            c.Enter("secondaryIdInfos", i);
            Check(r.SecondaryIdInfos![i], c);
            c.Leave();
        }
        if (r.Organization is { } organizationValue)
        {
            c.Enter("organization");
            Check(organizationValue, c);
            c.Leave();
        }
    }

    private static void Check(OrgStudyIdInfoRecord r, ValueCheckContext c)
    {
        c.Code<OrgStudyIdType>(r.Type, "type");
    }

    private static void Check(SecondaryIdInfoRecord r, ValueCheckContext c)
    {
        c.Code<SecondaryIdType>(r.Type, "type");
    }

    private static void Check(OrganizationRecord r, ValueCheckContext c)
    {
        c.Code<AgencyClass>(r.Class, "class");
    }

    private static void Check(StatusModuleRecord r, ValueCheckContext c)
    {
        c.PartialDate(r.StatusVerifiedDate, "statusVerifiedDate");
        c.Code<Status>(r.OverallStatus, "overallStatus");
        c.Code<Status>(r.LastKnownStatus, "lastKnownStatus");
        if (r.ExpandedAccessInfo is { } expandedAccessInfoValue)
        {
            c.Enter("expandedAccessInfo");
            Check(expandedAccessInfoValue, c);
            c.Leave();
        }
        if (r.StartDateStruct is { } startDateStructValue)
        {
            c.Enter("startDateStruct");
            Check(startDateStructValue, c);
            c.Leave();
        }
        if (r.PrimaryCompletionDateStruct is { } primaryCompletionDateStructValue)
        {
            c.Enter("primaryCompletionDateStruct");
            Check(primaryCompletionDateStructValue, c);
            c.Leave();
        }
        if (r.CompletionDateStruct is { } completionDateStructValue)
        {
            c.Enter("completionDateStruct");
            Check(completionDateStructValue, c);
            c.Leave();
        }
        c.FullDate(r.StudyFirstSubmitDate, "studyFirstSubmitDate");
        c.FullDate(r.StudyFirstSubmitQcDate, "studyFirstSubmitQcDate");
        if (r.StudyFirstPostDateStruct is { } studyFirstPostDateStructValue)
        {
            c.Enter("studyFirstPostDateStruct");
            Check(studyFirstPostDateStructValue, c);
            c.Leave();
        }
        c.FullDate(r.ResultsFirstSubmitDate, "resultsFirstSubmitDate");
        c.FullDate(r.ResultsFirstSubmitQcDate, "resultsFirstSubmitQcDate");
        if (r.ResultsFirstPostDateStruct is { } resultsFirstPostDateStructValue)
        {
            c.Enter("resultsFirstPostDateStruct");
            Check(resultsFirstPostDateStructValue, c);
            c.Leave();
        }
        c.FullDate(r.DispFirstSubmitDate, "dispFirstSubmitDate");
        c.FullDate(r.DispFirstSubmitQcDate, "dispFirstSubmitQcDate");
        if (r.DispFirstPostDateStruct is { } dispFirstPostDateStructValue)
        {
            c.Enter("dispFirstPostDateStruct");
            Check(dispFirstPostDateStructValue, c);
            c.Leave();
        }
        c.FullDate(r.LastUpdateSubmitDate, "lastUpdateSubmitDate");
        if (r.LastUpdatePostDateStruct is { } lastUpdatePostDateStructValue)
        {
            c.Enter("lastUpdatePostDateStruct");
            Check(lastUpdatePostDateStructValue, c);
            c.Leave();
        }
    }

    private static void Check(ExpandedAccessInfoRecord r, ValueCheckContext c)
    {
        c.Code<ExpandedAccessStatus>(r.StatusForNctId, "statusForNctId");
    }

    private static void Check(PartialDateStructRecord r, ValueCheckContext c)
    {
        c.PartialDate(r.Date, "date");
        c.Code<DateType>(r.Type, "type");
    }

    private static void Check(DateStructRecord r, ValueCheckContext c)
    {
        c.FullDate(r.Date, "date");
        c.Code<DateType>(r.Type, "type");
    }

    private static void Check(SponsorCollaboratorsModuleRecord r, ValueCheckContext c)
    {
        if (r.ResponsibleParty is { } responsiblePartyValue)
        {
            c.Enter("responsibleParty");
            Check(responsiblePartyValue, c);
            c.Leave();
        }
        if (r.LeadSponsor is { } leadSponsorValue)
        {
            c.Enter("leadSponsor");
            Check(leadSponsorValue, c);
            c.Leave();
        }
        for (var i = 0; i < (r.Collaborators?.Count ?? 0); i++)
        {
            c.Enter("collaborators", i);
            Check(r.Collaborators![i], c);
            c.Leave();
        }
    }

    private static void Check(ResponsiblePartyRecord r, ValueCheckContext c)
    {
        c.Code<ResponsiblePartyType>(r.Type, "type");
    }

    private static void Check(SponsorRecord r, ValueCheckContext c)
    {
        c.Code<AgencyClass>(r.Class, "class");
    }

    private static void Check(DesignModuleRecord r, ValueCheckContext c)
    {
        c.Code<StudyType>(r.StudyType, "studyType");
        c.Age(r.TargetDuration, "targetDuration");
        c.Codes<Phase>(r.Phases, "phases");
        if (r.DesignInfo is { } designInfoValue)
        {
            c.Enter("designInfo");
            Check(designInfoValue, c);
            c.Leave();
        }
        if (r.BioSpec is { } bioSpecValue)
        {
            c.Enter("bioSpec");
            Check(bioSpecValue, c);
            c.Leave();
        }
        if (r.EnrollmentInfo is { } enrollmentInfoValue)
        {
            c.Enter("enrollmentInfo");
            Check(enrollmentInfoValue, c);
            c.Leave();
        }
    }

    private static void Check(DesignInfoRecord r, ValueCheckContext c)
    {
        c.Code<DesignAllocation>(r.Allocation, "allocation");
        c.Code<InterventionalAssignment>(r.InterventionModel, "interventionModel");
        c.Code<PrimaryPurpose>(r.PrimaryPurpose, "primaryPurpose");
        c.Code<ObservationalModel>(r.ObservationalModel, "observationalModel");
        c.Code<DesignTimePerspective>(r.TimePerspective, "timePerspective");
        if (r.MaskingInfo is { } maskingInfoValue)
        {
            c.Enter("maskingInfo");
            Check(maskingInfoValue, c);
            c.Leave();
        }
    }

    private static void Check(MaskingBlockRecord r, ValueCheckContext c)
    {
        c.Code<DesignMasking>(r.Masking, "masking");
        c.Codes<WhoMasked>(r.WhoMasked, "whoMasked");
    }

    private static void Check(BioSpecRecord r, ValueCheckContext c)
    {
        c.Code<BioSpecRetention>(r.Retention, "retention");
    }

    private static void Check(EnrollmentInfoRecord r, ValueCheckContext c)
    {
        c.Code<EnrollmentType>(r.Type, "type");
    }

    private static void Check(ArmsInterventionsModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.ArmGroups?.Count ?? 0); i++)
        {
            c.Enter("armGroups", i);
            Check(r.ArmGroups![i], c);
            c.Leave();
        }
        for (var i = 0; i < (r.Interventions?.Count ?? 0); i++)
        {
            c.Enter("interventions", i);
            Check(r.Interventions![i], c);
            c.Leave();
        }
    }

    private static void Check(ArmGroupRecord r, ValueCheckContext c)
    {
        c.Code<ArmGroupType>(r.Type, "type");
    }

    private static void Check(InterventionRecord r, ValueCheckContext c)
    {
        c.Code<InterventionType>(r.Type, "type");
    }

    private static void Check(EligibilityModuleRecord r, ValueCheckContext c)
    {
        c.Code<Sex>(r.Sex, "sex");
        c.Age(r.MinimumAge, "minimumAge");
        c.Age(r.MaximumAge, "maximumAge");
        c.Codes<StandardAge>(r.StdAges, "stdAges");
        c.Code<SamplingMethod>(r.SamplingMethod, "samplingMethod");
    }

    private static void Check(ContactsLocationsModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.CentralContacts?.Count ?? 0); i++)
        {
            c.Enter("centralContacts", i);
            Check(r.CentralContacts![i], c);
            c.Leave();
        }
        for (var i = 0; i < (r.OverallOfficials?.Count ?? 0); i++)
        {
            c.Enter("overallOfficials", i);
            Check(r.OverallOfficials![i], c);
            c.Leave();
        }
        for (var i = 0; i < (r.Locations?.Count ?? 0); i++)
        {
            c.Enter("locations", i);
            Check(r.Locations![i], c);
            c.Leave();
        }
    }

    private static void Check(ContactRecord r, ValueCheckContext c)
    {
        c.Code<ContactRole>(r.Role, "role");
    }

    private static void Check(OfficialRecord r, ValueCheckContext c)
    {
        c.Code<OfficialRole>(r.Role, "role");
    }

    private static void Check(LocationRecord r, ValueCheckContext c)
    {
        c.Code<RecruitmentStatus>(r.Status, "status");
        for (var i = 0; i < (r.Contacts?.Count ?? 0); i++)
        {
            c.Enter("contacts", i);
            Check(r.Contacts![i], c);
            c.Leave();
        }
    }

    private static void Check(ReferencesModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.References?.Count ?? 0); i++)
        {
            c.Enter("references", i);
            Check(r.References![i], c);
            c.Leave();
        }
    }

    private static void Check(ReferenceRecord r, ValueCheckContext c)
    {
        c.Code<ReferenceType>(r.Type, "type");
    }

    private static void Check(IpdSharingStatementModuleRecord r, ValueCheckContext c)
    {
        c.Code<IpdSharing>(r.IpdSharing, "ipdSharing");
        c.Codes<IpdSharingInfoType>(r.InfoTypes, "infoTypes");
    }

    private static void Check(ResultsSectionRecord r, ValueCheckContext c)
    {
        if (r.BaselineCharacteristicsModule is { } baselineCharacteristicsModuleValue)
        {
            c.Enter("baselineCharacteristicsModule");
            Check(baselineCharacteristicsModuleValue, c);
            c.Leave();
        }
        if (r.OutcomeMeasuresModule is { } outcomeMeasuresModuleValue)
        {
            c.Enter("outcomeMeasuresModule");
            Check(outcomeMeasuresModuleValue, c);
            c.Leave();
        }
        if (r.AdverseEventsModule is { } adverseEventsModuleValue)
        {
            c.Enter("adverseEventsModule");
            Check(adverseEventsModuleValue, c);
            c.Leave();
        }
        if (r.MoreInfoModule is { } moreInfoModuleValue)
        {
            c.Enter("moreInfoModule");
            Check(moreInfoModuleValue, c);
            c.Leave();
        }
    }

    private static void Check(BaselineCharacteristicsModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.Measures?.Count ?? 0); i++)
        {
            c.Enter("measures", i);
            Check(r.Measures![i], c);
            c.Leave();
        }
    }

    private static void Check(BaselineMeasureRecord r, ValueCheckContext c)
    {
        c.Code<MeasureParam>(r.ParamType, "paramType");
        c.Code<MeasureDispersionType>(r.DispersionType, "dispersionType");
    }

    private static void Check(OutcomeMeasuresModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.OutcomeMeasures?.Count ?? 0); i++)
        {
            c.Enter("outcomeMeasures", i);
            Check(r.OutcomeMeasures![i], c);
            c.Leave();
        }
    }

    private static void Check(OutcomeMeasureRecord r, ValueCheckContext c)
    {
        c.Code<OutcomeMeasureType>(r.Type, "type");
        c.Code<ReportingStatus>(r.ReportingStatus, "reportingStatus");
        c.PartialDate(r.AnticipatedPostingDate, "anticipatedPostingDate");
        c.Code<MeasureParam>(r.ParamType, "paramType");
        for (var i = 0; i < (r.Analyses?.Count ?? 0); i++)
        {
            c.Enter("analyses", i);
            Check(r.Analyses![i], c);
            c.Leave();
        }
    }

    private static void Check(MeasureAnalysisRecord r, ValueCheckContext c)
    {
        c.Code<AnalysisDispersionType>(r.DispersionType, "dispersionType");
        c.Code<ConfidenceIntervalNumSides>(r.CiNumSides, "ciNumSides");
        c.Code<NonInferiorityType>(r.NonInferiorityType, "nonInferiorityType");
    }

    private static void Check(AdverseEventsModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.SeriousEvents?.Count ?? 0); i++)
        {
            c.Enter("seriousEvents", i);
            Check(r.SeriousEvents![i], c);
            c.Leave();
        }
        for (var i = 0; i < (r.OtherEvents?.Count ?? 0); i++)
        {
            c.Enter("otherEvents", i);
            Check(r.OtherEvents![i], c);
            c.Leave();
        }
    }

    private static void Check(AdverseEventRecord r, ValueCheckContext c)
    {
        c.Code<EventAssessment>(r.AssessmentType, "assessmentType");
    }

    private static void Check(MoreInfoModuleRecord r, ValueCheckContext c)
    {
        if (r.CertainAgreement is { } certainAgreementValue)
        {
            c.Enter("certainAgreement");
            Check(certainAgreementValue, c);
            c.Leave();
        }
    }

    private static void Check(CertainAgreementRecord r, ValueCheckContext c)
    {
        c.Code<AgreementRestrictionType>(r.RestrictionType, "restrictionType");
    }

    private static void Check(AnnotationSectionRecord r, ValueCheckContext c)
    {
        if (r.AnnotationModule is { } annotationModuleValue)
        {
            c.Enter("annotationModule");
            Check(annotationModuleValue, c);
            c.Leave();
        }
    }

    private static void Check(AnnotationModuleRecord r, ValueCheckContext c)
    {
        if (r.UnpostedAnnotation is { } unpostedAnnotationValue)
        {
            c.Enter("unpostedAnnotation");
            Check(unpostedAnnotationValue, c);
            c.Leave();
        }
        if (r.ViolationAnnotation is { } violationAnnotationValue)
        {
            c.Enter("violationAnnotation");
            Check(violationAnnotationValue, c);
            c.Leave();
        }
    }

    private static void Check(UnpostedAnnotationRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.UnpostedEvents?.Count ?? 0); i++)
        {
            c.Enter("unpostedEvents", i);
            Check(r.UnpostedEvents![i], c);
            c.Leave();
        }
    }

    private static void Check(UnpostedEventRecord r, ValueCheckContext c)
    {
        c.Code<UnpostedEventType>(r.Type, "type");
        c.FullDate(r.Date, "date");
    }

    private static void Check(ViolationAnnotationRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.ViolationEvents?.Count ?? 0); i++)
        {
            c.Enter("violationEvents", i);
            Check(r.ViolationEvents![i], c);
            c.Leave();
        }
    }

    private static void Check(ViolationEventRecord r, ValueCheckContext c)
    {
        c.Code<ViolationEventType>(r.Type, "type");
        c.FullDate(r.CreationDate, "creationDate");
        c.FullDate(r.IssuedDate, "issuedDate");
        c.FullDate(r.ReleaseDate, "releaseDate");
        c.FullDate(r.PostedDate, "postedDate");
    }

    private static void Check(DocumentSectionRecord r, ValueCheckContext c)
    {
        if (r.LargeDocumentModule is { } largeDocumentModuleValue)
        {
            c.Enter("largeDocumentModule");
            Check(largeDocumentModuleValue, c);
            c.Leave();
        }
    }

    private static void Check(LargeDocumentModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.LargeDocs?.Count ?? 0); i++)
        {
            c.Enter("largeDocs", i);
            Check(r.LargeDocs![i], c);
            c.Leave();
        }
    }

    private static void Check(LargeDocRecord r, ValueCheckContext c)
    {
        c.FullDate(r.Date, "date");
        c.Timestamp(r.UploadDate, "uploadDate");
    }

    private static void Check(DerivedSectionRecord r, ValueCheckContext c)
    {
        if (r.MiscInfoModule is { } miscInfoModuleValue)
        {
            c.Enter("miscInfoModule");
            Check(miscInfoModuleValue, c);
            c.Leave();
        }
        if (r.ConditionBrowseModule is { } conditionBrowseModuleValue)
        {
            c.Enter("conditionBrowseModule");
            Check(conditionBrowseModuleValue, c);
            c.Leave();
        }
        if (r.InterventionBrowseModule is { } interventionBrowseModuleValue)
        {
            c.Enter("interventionBrowseModule");
            Check(interventionBrowseModuleValue, c);
            c.Leave();
        }
    }

    private static void Check(MiscInfoModuleRecord r, ValueCheckContext c)
    {
        c.FullDate(r.VersionHolder, "versionHolder");
        if (r.SubmissionTracking is { } submissionTrackingValue)
        {
            c.Enter("submissionTracking");
            Check(submissionTrackingValue, c);
            c.Leave();
        }
    }

    private static void Check(SubmissionTrackingRecord r, ValueCheckContext c)
    {
        c.FullDate(r.EstimatedResultsFirstSubmitDate, "estimatedResultsFirstSubmitDate");
        if (r.FirstMcpInfo is { } firstMcpInfoValue)
        {
            c.Enter("firstMcpInfo");
            Check(firstMcpInfoValue, c);
            c.Leave();
        }
        for (var i = 0; i < (r.SubmissionInfos?.Count ?? 0); i++)
        {
            c.Enter("submissionInfos", i);
            Check(r.SubmissionInfos![i], c);
            c.Leave();
        }
    }

    private static void Check(FirstMcpInfoRecord r, ValueCheckContext c)
    {
        if (r.PostDateStruct is { } postDateStructValue)
        {
            c.Enter("postDateStruct");
            Check(postDateStructValue, c);
            c.Leave();
        }
    }

    private static void Check(SubmissionInfoRecord r, ValueCheckContext c)
    {
        c.FullDate(r.ReleaseDate, "releaseDate");
        c.FullDate(r.UnreleaseDate, "unreleaseDate");
        c.FullDate(r.ResetDate, "resetDate");
    }

    private static void Check(BrowseModuleRecord r, ValueCheckContext c)
    {
        for (var i = 0; i < (r.BrowseLeaves?.Count ?? 0); i++)
        {
            c.Enter("browseLeaves", i);
            Check(r.BrowseLeaves![i], c);
            c.Leave();
        }
    }

    private static void Check(BrowseLeafRecord r, ValueCheckContext c)
    {
        c.Code<BrowseLeafRelevance>(r.Relevance, "relevance");
    }
}
