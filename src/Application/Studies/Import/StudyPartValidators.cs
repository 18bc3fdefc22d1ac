// Per-record checks that never reject: a value spelled in a way this version does not know (a new enum value, a date
// or age the registry is not known to send) is stored as given and counted as a warning. One validator per record
// type that holds such values; StudyRecordValidator adds the rules that reject.
using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Import;

internal sealed class ProtocolSectionRecordValidator : AbstractValidator<ProtocolSectionRecord>
{
    public ProtocolSectionRecordValidator()
    {
        RuleFor(x => x.IdentificationModule!).SetValidator(new IdentificationModuleRecordValidator()).When(x => x.IdentificationModule is not null);
        RuleFor(x => x.StatusModule!).SetValidator(new StatusModuleRecordValidator()).When(x => x.StatusModule is not null);
        RuleFor(x => x.SponsorCollaboratorsModule!).SetValidator(new SponsorCollaboratorsModuleRecordValidator()).When(x => x.SponsorCollaboratorsModule is not null);
        RuleFor(x => x.DesignModule!).SetValidator(new DesignModuleRecordValidator()).When(x => x.DesignModule is not null);
        RuleFor(x => x.ArmsInterventionsModule!).SetValidator(new ArmsInterventionsModuleRecordValidator()).When(x => x.ArmsInterventionsModule is not null);
        RuleFor(x => x.EligibilityModule!).SetValidator(new EligibilityModuleRecordValidator()).When(x => x.EligibilityModule is not null);
        RuleFor(x => x.ContactsLocationsModule!).SetValidator(new ContactsLocationsModuleRecordValidator()).When(x => x.ContactsLocationsModule is not null);
        RuleFor(x => x.ReferencesModule!).SetValidator(new ReferencesModuleRecordValidator()).When(x => x.ReferencesModule is not null);
        RuleFor(x => x.IpdSharingStatementModule!).SetValidator(new IpdSharingStatementModuleRecordValidator()).When(x => x.IpdSharingStatementModule is not null);
    }
}

internal sealed class IdentificationModuleRecordValidator : AbstractValidator<IdentificationModuleRecord>
{
    public IdentificationModuleRecordValidator()
    {
        RuleFor(x => x.OrgStudyIdInfo!).SetValidator(new OrgStudyIdInfoRecordValidator()).When(x => x.OrgStudyIdInfo is not null);
        RuleForEach(x => x.SecondaryIdInfos).SetValidator(new SecondaryIdInfoRecordValidator());
        RuleFor(x => x.Organization!).SetValidator(new OrganizationRecordValidator()).When(x => x.Organization is not null);
    }
}

internal sealed class OrgStudyIdInfoRecordValidator : AbstractValidator<OrgStudyIdInfoRecord>
{
    public OrgStudyIdInfoRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<OrgStudyIdInfoRecord, OrgStudyIdType>();
    }
}

internal sealed class SecondaryIdInfoRecordValidator : AbstractValidator<SecondaryIdInfoRecord>
{
    public SecondaryIdInfoRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<SecondaryIdInfoRecord, SecondaryIdType>();
    }
}

internal sealed class OrganizationRecordValidator : AbstractValidator<OrganizationRecord>
{
    public OrganizationRecordValidator()
    {
        RuleFor(x => x.Class).KnownCode<OrganizationRecord, AgencyClass>();
    }
}

internal sealed class StatusModuleRecordValidator : AbstractValidator<StatusModuleRecord>
{
    public StatusModuleRecordValidator()
    {
        RuleFor(x => x.StatusVerifiedDate).ReadablePartialDate();
        RuleFor(x => x.OverallStatus).KnownCode<StatusModuleRecord, Status>();
        RuleFor(x => x.LastKnownStatus).KnownCode<StatusModuleRecord, Status>();
        RuleFor(x => x.ExpandedAccessInfo!).SetValidator(new ExpandedAccessInfoRecordValidator()).When(x => x.ExpandedAccessInfo is not null);
        RuleFor(x => x.StartDateStruct!).SetValidator(new PartialDateStructRecordValidator()).When(x => x.StartDateStruct is not null);
        RuleFor(x => x.PrimaryCompletionDateStruct!).SetValidator(new PartialDateStructRecordValidator()).When(x => x.PrimaryCompletionDateStruct is not null);
        RuleFor(x => x.CompletionDateStruct!).SetValidator(new PartialDateStructRecordValidator()).When(x => x.CompletionDateStruct is not null);
        RuleFor(x => x.StudyFirstSubmitDate).ReadableFullDate();
        RuleFor(x => x.StudyFirstSubmitQcDate).ReadableFullDate();
        RuleFor(x => x.StudyFirstPostDateStruct!).SetValidator(new DateStructRecordValidator()).When(x => x.StudyFirstPostDateStruct is not null);
        RuleFor(x => x.ResultsFirstSubmitDate).ReadableFullDate();
        RuleFor(x => x.ResultsFirstSubmitQcDate).ReadableFullDate();
        RuleFor(x => x.ResultsFirstPostDateStruct!).SetValidator(new DateStructRecordValidator()).When(x => x.ResultsFirstPostDateStruct is not null);
        RuleFor(x => x.DispFirstSubmitDate).ReadableFullDate();
        RuleFor(x => x.DispFirstSubmitQcDate).ReadableFullDate();
        RuleFor(x => x.DispFirstPostDateStruct!).SetValidator(new DateStructRecordValidator()).When(x => x.DispFirstPostDateStruct is not null);
        RuleFor(x => x.LastUpdateSubmitDate).ReadableFullDate();
        RuleFor(x => x.LastUpdatePostDateStruct!).SetValidator(new DateStructRecordValidator()).When(x => x.LastUpdatePostDateStruct is not null);
    }
}

internal sealed class ExpandedAccessInfoRecordValidator : AbstractValidator<ExpandedAccessInfoRecord>
{
    public ExpandedAccessInfoRecordValidator()
    {
        RuleFor(x => x.StatusForNctId).KnownCode<ExpandedAccessInfoRecord, ExpandedAccessStatus>();
    }
}

internal sealed class PartialDateStructRecordValidator : AbstractValidator<PartialDateStructRecord>
{
    public PartialDateStructRecordValidator()
    {
        RuleFor(x => x.Date).ReadablePartialDate();
        RuleFor(x => x.Type).KnownCode<PartialDateStructRecord, DateType>();
    }
}

internal sealed class DateStructRecordValidator : AbstractValidator<DateStructRecord>
{
    public DateStructRecordValidator()
    {
        RuleFor(x => x.Date).ReadableFullDate();
        RuleFor(x => x.Type).KnownCode<DateStructRecord, DateType>();
    }
}

internal sealed class SponsorCollaboratorsModuleRecordValidator : AbstractValidator<SponsorCollaboratorsModuleRecord>
{
    public SponsorCollaboratorsModuleRecordValidator()
    {
        RuleFor(x => x.ResponsibleParty!).SetValidator(new ResponsiblePartyRecordValidator()).When(x => x.ResponsibleParty is not null);
        RuleFor(x => x.LeadSponsor!).SetValidator(new SponsorRecordValidator()).When(x => x.LeadSponsor is not null);
        RuleForEach(x => x.Collaborators).SetValidator(new SponsorRecordValidator());
    }
}

internal sealed class ResponsiblePartyRecordValidator : AbstractValidator<ResponsiblePartyRecord>
{
    public ResponsiblePartyRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<ResponsiblePartyRecord, ResponsiblePartyType>();
    }
}

internal sealed class SponsorRecordValidator : AbstractValidator<SponsorRecord>
{
    public SponsorRecordValidator()
    {
        RuleFor(x => x.Class).KnownCode<SponsorRecord, AgencyClass>();
    }
}

internal sealed class DesignModuleRecordValidator : AbstractValidator<DesignModuleRecord>
{
    public DesignModuleRecordValidator()
    {
        RuleFor(x => x.StudyType).KnownCode<DesignModuleRecord, StudyType>();
        RuleFor(x => x.TargetDuration).ReadableAge();
        RuleForEach(x => x.Phases).KnownCode<DesignModuleRecord, Phase>();
        RuleFor(x => x.DesignInfo!).SetValidator(new DesignInfoRecordValidator()).When(x => x.DesignInfo is not null);
        RuleFor(x => x.BioSpec!).SetValidator(new BioSpecRecordValidator()).When(x => x.BioSpec is not null);
        RuleFor(x => x.EnrollmentInfo!).SetValidator(new EnrollmentInfoRecordValidator()).When(x => x.EnrollmentInfo is not null);
    }
}

internal sealed class DesignInfoRecordValidator : AbstractValidator<DesignInfoRecord>
{
    public DesignInfoRecordValidator()
    {
        RuleFor(x => x.Allocation).KnownCode<DesignInfoRecord, DesignAllocation>();
        RuleFor(x => x.InterventionModel).KnownCode<DesignInfoRecord, InterventionalAssignment>();
        RuleFor(x => x.PrimaryPurpose).KnownCode<DesignInfoRecord, PrimaryPurpose>();
        RuleFor(x => x.ObservationalModel).KnownCode<DesignInfoRecord, ObservationalModel>();
        RuleFor(x => x.TimePerspective).KnownCode<DesignInfoRecord, DesignTimePerspective>();
        RuleFor(x => x.MaskingInfo!).SetValidator(new MaskingBlockRecordValidator()).When(x => x.MaskingInfo is not null);
    }
}

internal sealed class MaskingBlockRecordValidator : AbstractValidator<MaskingBlockRecord>
{
    public MaskingBlockRecordValidator()
    {
        RuleFor(x => x.Masking).KnownCode<MaskingBlockRecord, DesignMasking>();
        RuleForEach(x => x.WhoMasked).KnownCode<MaskingBlockRecord, WhoMasked>();
    }
}

internal sealed class BioSpecRecordValidator : AbstractValidator<BioSpecRecord>
{
    public BioSpecRecordValidator()
    {
        RuleFor(x => x.Retention).KnownCode<BioSpecRecord, BioSpecRetention>();
    }
}

internal sealed class EnrollmentInfoRecordValidator : AbstractValidator<EnrollmentInfoRecord>
{
    public EnrollmentInfoRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<EnrollmentInfoRecord, EnrollmentType>();
    }
}

internal sealed class ArmsInterventionsModuleRecordValidator : AbstractValidator<ArmsInterventionsModuleRecord>
{
    public ArmsInterventionsModuleRecordValidator()
    {
        RuleForEach(x => x.ArmGroups).SetValidator(new ArmGroupRecordValidator());
        RuleForEach(x => x.Interventions).SetValidator(new InterventionRecordValidator());
    }
}

internal sealed class ArmGroupRecordValidator : AbstractValidator<ArmGroupRecord>
{
    public ArmGroupRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<ArmGroupRecord, ArmGroupType>();
    }
}

internal sealed class InterventionRecordValidator : AbstractValidator<InterventionRecord>
{
    public InterventionRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<InterventionRecord, InterventionType>();
    }
}

internal sealed class EligibilityModuleRecordValidator : AbstractValidator<EligibilityModuleRecord>
{
    public EligibilityModuleRecordValidator()
    {
        RuleFor(x => x.Sex).KnownCode<EligibilityModuleRecord, Sex>();
        RuleFor(x => x.MinimumAge).ReadableAge();
        RuleFor(x => x.MaximumAge).ReadableAge();
        RuleForEach(x => x.StdAges).KnownCode<EligibilityModuleRecord, StandardAge>();
        RuleFor(x => x.SamplingMethod).KnownCode<EligibilityModuleRecord, SamplingMethod>();
    }
}

internal sealed class ContactsLocationsModuleRecordValidator : AbstractValidator<ContactsLocationsModuleRecord>
{
    public ContactsLocationsModuleRecordValidator()
    {
        RuleForEach(x => x.CentralContacts).SetValidator(new ContactRecordValidator());
        RuleForEach(x => x.OverallOfficials).SetValidator(new OfficialRecordValidator());
        RuleForEach(x => x.Locations).SetValidator(new LocationRecordValidator());
    }
}

internal sealed class ContactRecordValidator : AbstractValidator<ContactRecord>
{
    public ContactRecordValidator()
    {
        RuleFor(x => x.Role).KnownCode<ContactRecord, ContactRole>();
    }
}

internal sealed class OfficialRecordValidator : AbstractValidator<OfficialRecord>
{
    public OfficialRecordValidator()
    {
        RuleFor(x => x.Role).KnownCode<OfficialRecord, OfficialRole>();
    }
}

internal sealed class LocationRecordValidator : AbstractValidator<LocationRecord>
{
    public LocationRecordValidator()
    {
        RuleFor(x => x.Status).KnownCode<LocationRecord, RecruitmentStatus>();
        RuleForEach(x => x.Contacts).SetValidator(new ContactRecordValidator());
    }
}

internal sealed class ReferencesModuleRecordValidator : AbstractValidator<ReferencesModuleRecord>
{
    public ReferencesModuleRecordValidator()
    {
        RuleForEach(x => x.References).SetValidator(new ReferenceRecordValidator());
    }
}

internal sealed class ReferenceRecordValidator : AbstractValidator<ReferenceRecord>
{
    public ReferenceRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<ReferenceRecord, ReferenceType>();
    }
}

internal sealed class IpdSharingStatementModuleRecordValidator : AbstractValidator<IpdSharingStatementModuleRecord>
{
    public IpdSharingStatementModuleRecordValidator()
    {
        RuleFor(x => x.IpdSharing).KnownCode<IpdSharingStatementModuleRecord, IpdSharing>();
        RuleForEach(x => x.InfoTypes).KnownCode<IpdSharingStatementModuleRecord, IpdSharingInfoType>();
    }
}

internal sealed class ResultsSectionRecordValidator : AbstractValidator<ResultsSectionRecord>
{
    public ResultsSectionRecordValidator()
    {
        RuleFor(x => x.BaselineCharacteristicsModule!).SetValidator(new BaselineCharacteristicsModuleRecordValidator()).When(x => x.BaselineCharacteristicsModule is not null);
        RuleFor(x => x.OutcomeMeasuresModule!).SetValidator(new OutcomeMeasuresModuleRecordValidator()).When(x => x.OutcomeMeasuresModule is not null);
        RuleFor(x => x.AdverseEventsModule!).SetValidator(new AdverseEventsModuleRecordValidator()).When(x => x.AdverseEventsModule is not null);
        RuleFor(x => x.MoreInfoModule!).SetValidator(new MoreInfoModuleRecordValidator()).When(x => x.MoreInfoModule is not null);
    }
}

internal sealed class BaselineCharacteristicsModuleRecordValidator : AbstractValidator<BaselineCharacteristicsModuleRecord>
{
    public BaselineCharacteristicsModuleRecordValidator()
    {
        RuleForEach(x => x.Measures).SetValidator(new BaselineMeasureRecordValidator());
    }
}

internal sealed class BaselineMeasureRecordValidator : AbstractValidator<BaselineMeasureRecord>
{
    public BaselineMeasureRecordValidator()
    {
        RuleFor(x => x.ParamType).KnownCode<BaselineMeasureRecord, MeasureParam>();
        RuleFor(x => x.DispersionType).KnownCode<BaselineMeasureRecord, MeasureDispersionType>();
    }
}

internal sealed class OutcomeMeasuresModuleRecordValidator : AbstractValidator<OutcomeMeasuresModuleRecord>
{
    public OutcomeMeasuresModuleRecordValidator()
    {
        RuleForEach(x => x.OutcomeMeasures).SetValidator(new OutcomeMeasureRecordValidator());
    }
}

internal sealed class OutcomeMeasureRecordValidator : AbstractValidator<OutcomeMeasureRecord>
{
    public OutcomeMeasureRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<OutcomeMeasureRecord, OutcomeMeasureType>();
        RuleFor(x => x.ReportingStatus).KnownCode<OutcomeMeasureRecord, ReportingStatus>();
        RuleFor(x => x.AnticipatedPostingDate).ReadablePartialDate();
        RuleFor(x => x.ParamType).KnownCode<OutcomeMeasureRecord, MeasureParam>();
        RuleForEach(x => x.Analyses).SetValidator(new MeasureAnalysisRecordValidator());
    }
}

internal sealed class MeasureAnalysisRecordValidator : AbstractValidator<MeasureAnalysisRecord>
{
    public MeasureAnalysisRecordValidator()
    {
        RuleFor(x => x.DispersionType).KnownCode<MeasureAnalysisRecord, AnalysisDispersionType>();
        RuleFor(x => x.CiNumSides).KnownCode<MeasureAnalysisRecord, ConfidenceIntervalNumSides>();
        RuleFor(x => x.NonInferiorityType).KnownCode<MeasureAnalysisRecord, NonInferiorityType>();
    }
}

internal sealed class AdverseEventsModuleRecordValidator : AbstractValidator<AdverseEventsModuleRecord>
{
    public AdverseEventsModuleRecordValidator()
    {
        RuleForEach(x => x.SeriousEvents).SetValidator(new AdverseEventRecordValidator());
        RuleForEach(x => x.OtherEvents).SetValidator(new AdverseEventRecordValidator());
    }
}

internal sealed class AdverseEventRecordValidator : AbstractValidator<AdverseEventRecord>
{
    public AdverseEventRecordValidator()
    {
        RuleFor(x => x.AssessmentType).KnownCode<AdverseEventRecord, EventAssessment>();
    }
}

internal sealed class MoreInfoModuleRecordValidator : AbstractValidator<MoreInfoModuleRecord>
{
    public MoreInfoModuleRecordValidator()
    {
        RuleFor(x => x.CertainAgreement!).SetValidator(new CertainAgreementRecordValidator()).When(x => x.CertainAgreement is not null);
    }
}

internal sealed class CertainAgreementRecordValidator : AbstractValidator<CertainAgreementRecord>
{
    public CertainAgreementRecordValidator()
    {
        RuleFor(x => x.RestrictionType).KnownCode<CertainAgreementRecord, AgreementRestrictionType>();
    }
}

internal sealed class AnnotationSectionRecordValidator : AbstractValidator<AnnotationSectionRecord>
{
    public AnnotationSectionRecordValidator()
    {
        RuleFor(x => x.AnnotationModule!).SetValidator(new AnnotationModuleRecordValidator()).When(x => x.AnnotationModule is not null);
    }
}

internal sealed class AnnotationModuleRecordValidator : AbstractValidator<AnnotationModuleRecord>
{
    public AnnotationModuleRecordValidator()
    {
        RuleFor(x => x.UnpostedAnnotation!).SetValidator(new UnpostedAnnotationRecordValidator()).When(x => x.UnpostedAnnotation is not null);
        RuleFor(x => x.ViolationAnnotation!).SetValidator(new ViolationAnnotationRecordValidator()).When(x => x.ViolationAnnotation is not null);
    }
}

internal sealed class UnpostedAnnotationRecordValidator : AbstractValidator<UnpostedAnnotationRecord>
{
    public UnpostedAnnotationRecordValidator()
    {
        RuleForEach(x => x.UnpostedEvents).SetValidator(new UnpostedEventRecordValidator());
    }
}

internal sealed class UnpostedEventRecordValidator : AbstractValidator<UnpostedEventRecord>
{
    public UnpostedEventRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<UnpostedEventRecord, UnpostedEventType>();
        RuleFor(x => x.Date).ReadableFullDate();
    }
}

internal sealed class ViolationAnnotationRecordValidator : AbstractValidator<ViolationAnnotationRecord>
{
    public ViolationAnnotationRecordValidator()
    {
        RuleForEach(x => x.ViolationEvents).SetValidator(new ViolationEventRecordValidator());
    }
}

internal sealed class ViolationEventRecordValidator : AbstractValidator<ViolationEventRecord>
{
    public ViolationEventRecordValidator()
    {
        RuleFor(x => x.Type).KnownCode<ViolationEventRecord, ViolationEventType>();
        RuleFor(x => x.CreationDate).ReadableFullDate();
        RuleFor(x => x.IssuedDate).ReadableFullDate();
        RuleFor(x => x.ReleaseDate).ReadableFullDate();
        RuleFor(x => x.PostedDate).ReadableFullDate();
    }
}

internal sealed class DocumentSectionRecordValidator : AbstractValidator<DocumentSectionRecord>
{
    public DocumentSectionRecordValidator()
    {
        RuleFor(x => x.LargeDocumentModule!).SetValidator(new LargeDocumentModuleRecordValidator()).When(x => x.LargeDocumentModule is not null);
    }
}

internal sealed class LargeDocumentModuleRecordValidator : AbstractValidator<LargeDocumentModuleRecord>
{
    public LargeDocumentModuleRecordValidator()
    {
        RuleForEach(x => x.LargeDocs).SetValidator(new LargeDocRecordValidator());
    }
}

internal sealed class LargeDocRecordValidator : AbstractValidator<LargeDocRecord>
{
    public LargeDocRecordValidator()
    {
        RuleFor(x => x.Date).ReadableFullDate();
        RuleFor(x => x.UploadDate).ReadableTimestamp();
    }
}

internal sealed class DerivedSectionRecordValidator : AbstractValidator<DerivedSectionRecord>
{
    public DerivedSectionRecordValidator()
    {
        RuleFor(x => x.MiscInfoModule!).SetValidator(new MiscInfoModuleRecordValidator()).When(x => x.MiscInfoModule is not null);
        RuleFor(x => x.ConditionBrowseModule!).SetValidator(new BrowseModuleRecordValidator()).When(x => x.ConditionBrowseModule is not null);
        RuleFor(x => x.InterventionBrowseModule!).SetValidator(new BrowseModuleRecordValidator()).When(x => x.InterventionBrowseModule is not null);
    }
}

internal sealed class MiscInfoModuleRecordValidator : AbstractValidator<MiscInfoModuleRecord>
{
    public MiscInfoModuleRecordValidator()
    {
        RuleFor(x => x.VersionHolder).ReadableFullDate();
        RuleFor(x => x.SubmissionTracking!).SetValidator(new SubmissionTrackingRecordValidator()).When(x => x.SubmissionTracking is not null);
    }
}

internal sealed class SubmissionTrackingRecordValidator : AbstractValidator<SubmissionTrackingRecord>
{
    public SubmissionTrackingRecordValidator()
    {
        RuleFor(x => x.EstimatedResultsFirstSubmitDate).ReadableFullDate();
        RuleFor(x => x.FirstMcpInfo!).SetValidator(new FirstMcpInfoRecordValidator()).When(x => x.FirstMcpInfo is not null);
        RuleForEach(x => x.SubmissionInfos).SetValidator(new SubmissionInfoRecordValidator());
    }
}

internal sealed class FirstMcpInfoRecordValidator : AbstractValidator<FirstMcpInfoRecord>
{
    public FirstMcpInfoRecordValidator()
    {
        RuleFor(x => x.PostDateStruct!).SetValidator(new DateStructRecordValidator()).When(x => x.PostDateStruct is not null);
    }
}

internal sealed class SubmissionInfoRecordValidator : AbstractValidator<SubmissionInfoRecord>
{
    public SubmissionInfoRecordValidator()
    {
        RuleFor(x => x.ReleaseDate).ReadableFullDate();
        RuleFor(x => x.UnreleaseDate).ReadableFullDate();
        RuleFor(x => x.ResetDate).ReadableFullDate();
    }
}

internal sealed class BrowseModuleRecordValidator : AbstractValidator<BrowseModuleRecord>
{
    public BrowseModuleRecordValidator()
    {
        RuleForEach(x => x.BrowseLeaves).SetValidator(new BrowseLeafRecordValidator());
    }
}

internal sealed class BrowseLeafRecordValidator : AbstractValidator<BrowseLeafRecord>
{
    public BrowseLeafRecordValidator()
    {
        RuleFor(x => x.Relevance).KnownCode<BrowseLeafRecord, BrowseLeafRelevance>();
    }
}
