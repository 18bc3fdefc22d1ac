// The registry's enumerations (OpenAPI v2.0.5). Each member carries the exact wire spelling; Coded<T> keeps
// values the registry adds later as raw text instead of rejecting them.
using System.Runtime.Serialization;

namespace Clinical.Domain.Studies;

public enum AgencyClass
{
    [EnumMember(Value = "NIH")] Nih,
    [EnumMember(Value = "FED")] Fed,
    [EnumMember(Value = "OTHER_GOV")] OtherGov,
    [EnumMember(Value = "INDIV")] Indiv,
    [EnumMember(Value = "INDUSTRY")] Industry,
    [EnumMember(Value = "NETWORK")] Network,
    [EnumMember(Value = "AMBIG")] Ambig,
    [EnumMember(Value = "OTHER")] Other,
    [EnumMember(Value = "UNKNOWN")] Unknown,
}

public enum AgreementRestrictionType
{
    [EnumMember(Value = "LTE60")] Lte60,
    [EnumMember(Value = "GT60")] Gt60,
    [EnumMember(Value = "OTHER")] Other,
}

public enum AnalysisDispersionType
{
    [EnumMember(Value = "STANDARD_DEVIATION")] StandardDeviation,
    [EnumMember(Value = "STANDARD_ERROR_OF_MEAN")] StandardErrorOfMean,
}

public enum ArmGroupType
{
    [EnumMember(Value = "EXPERIMENTAL")] Experimental,
    [EnumMember(Value = "ACTIVE_COMPARATOR")] ActiveComparator,
    [EnumMember(Value = "PLACEBO_COMPARATOR")] PlaceboComparator,
    [EnumMember(Value = "SHAM_COMPARATOR")] ShamComparator,
    [EnumMember(Value = "NO_INTERVENTION")] NoIntervention,
    [EnumMember(Value = "OTHER")] Other,
}

public enum BioSpecRetention
{
    [EnumMember(Value = "NONE_RETAINED")] NoneRetained,
    [EnumMember(Value = "SAMPLES_WITH_DNA")] SamplesWithDna,
    [EnumMember(Value = "SAMPLES_WITHOUT_DNA")] SamplesWithoutDna,
}

public enum BrowseLeafRelevance
{
    [EnumMember(Value = "LOW")] Low,
    [EnumMember(Value = "HIGH")] High,
}

public enum ConfidenceIntervalNumSides
{
    [EnumMember(Value = "ONE_SIDED")] OneSided,
    [EnumMember(Value = "TWO_SIDED")] TwoSided,
}

public enum ContactRole
{
    [EnumMember(Value = "STUDY_CHAIR")] StudyChair,
    [EnumMember(Value = "STUDY_DIRECTOR")] StudyDirector,
    [EnumMember(Value = "PRINCIPAL_INVESTIGATOR")] PrincipalInvestigator,
    [EnumMember(Value = "SUB_INVESTIGATOR")] SubInvestigator,
    [EnumMember(Value = "CONTACT")] Contact,
}

public enum DateType
{
    [EnumMember(Value = "ACTUAL")] Actual,
    [EnumMember(Value = "ESTIMATED")] Estimated,
}

public enum DesignAllocation
{
    [EnumMember(Value = "RANDOMIZED")] Randomized,
    [EnumMember(Value = "NON_RANDOMIZED")] NonRandomized,
    [EnumMember(Value = "NA")] Na,
}

public enum DesignMasking
{
    [EnumMember(Value = "NONE")] None,
    [EnumMember(Value = "SINGLE")] Single,
    [EnumMember(Value = "DOUBLE")] Double,
    [EnumMember(Value = "TRIPLE")] Triple,
    [EnumMember(Value = "QUADRUPLE")] Quadruple,
}

public enum DesignTimePerspective
{
    [EnumMember(Value = "RETROSPECTIVE")] Retrospective,
    [EnumMember(Value = "PROSPECTIVE")] Prospective,
    [EnumMember(Value = "CROSS_SECTIONAL")] CrossSectional,
    [EnumMember(Value = "OTHER")] Other,
}

public enum EnrollmentType
{
    [EnumMember(Value = "ACTUAL")] Actual,
    [EnumMember(Value = "ESTIMATED")] Estimated,
}

public enum EventAssessment
{
    [EnumMember(Value = "NON_SYSTEMATIC_ASSESSMENT")] NonSystematicAssessment,
    [EnumMember(Value = "SYSTEMATIC_ASSESSMENT")] SystematicAssessment,
}

public enum ExpandedAccessStatus
{
    [EnumMember(Value = "AVAILABLE")] Available,
    [EnumMember(Value = "NO_LONGER_AVAILABLE")] NoLongerAvailable,
    [EnumMember(Value = "TEMPORARILY_NOT_AVAILABLE")] TemporarilyNotAvailable,
    [EnumMember(Value = "APPROVED_FOR_MARKETING")] ApprovedForMarketing,
}

public enum InterventionType
{
    [EnumMember(Value = "BEHAVIORAL")] Behavioral,
    [EnumMember(Value = "BIOLOGICAL")] Biological,
    [EnumMember(Value = "COMBINATION_PRODUCT")] CombinationProduct,
    [EnumMember(Value = "DEVICE")] Device,
    [EnumMember(Value = "DIAGNOSTIC_TEST")] DiagnosticTest,
    [EnumMember(Value = "DIETARY_SUPPLEMENT")] DietarySupplement,
    [EnumMember(Value = "DRUG")] Drug,
    [EnumMember(Value = "GENETIC")] Genetic,
    [EnumMember(Value = "PROCEDURE")] Procedure,
    [EnumMember(Value = "RADIATION")] Radiation,
    [EnumMember(Value = "OTHER")] Other,
}

public enum InterventionalAssignment
{
    [EnumMember(Value = "SINGLE_GROUP")] SingleGroup,
    [EnumMember(Value = "PARALLEL")] Parallel,
    [EnumMember(Value = "CROSSOVER")] Crossover,
    [EnumMember(Value = "FACTORIAL")] Factorial,
    [EnumMember(Value = "SEQUENTIAL")] Sequential,
}

public enum IpdSharing
{
    [EnumMember(Value = "YES")] Yes,
    [EnumMember(Value = "NO")] No,
    [EnumMember(Value = "UNDECIDED")] Undecided,
}

public enum IpdSharingInfoType
{
    [EnumMember(Value = "STUDY_PROTOCOL")] StudyProtocol,
    [EnumMember(Value = "SAP")] Sap,
    [EnumMember(Value = "ICF")] Icf,
    [EnumMember(Value = "CSR")] Csr,
    [EnumMember(Value = "ANALYTIC_CODE")] AnalyticCode,
}

public enum MeasureDispersionType
{
    [EnumMember(Value = "NA")] Na,
    [EnumMember(Value = "STANDARD_DEVIATION")] StandardDeviation,
    [EnumMember(Value = "STANDARD_ERROR")] StandardError,
    [EnumMember(Value = "INTER_QUARTILE_RANGE")] InterQuartileRange,
    [EnumMember(Value = "FULL_RANGE")] FullRange,
    [EnumMember(Value = "CONFIDENCE_80")] Confidence80,
    [EnumMember(Value = "CONFIDENCE_90")] Confidence90,
    [EnumMember(Value = "CONFIDENCE_95")] Confidence95,
    [EnumMember(Value = "CONFIDENCE_975")] Confidence975,
    [EnumMember(Value = "CONFIDENCE_99")] Confidence99,
    [EnumMember(Value = "CONFIDENCE_OTHER")] ConfidenceOther,
    [EnumMember(Value = "GEOMETRIC_COEFFICIENT")] GeometricCoefficient,
}

public enum MeasureParam
{
    [EnumMember(Value = "GEOMETRIC_MEAN")] GeometricMean,
    [EnumMember(Value = "GEOMETRIC_LEAST_SQUARES_MEAN")] GeometricLeastSquaresMean,
    [EnumMember(Value = "LEAST_SQUARES_MEAN")] LeastSquaresMean,
    [EnumMember(Value = "LOG_MEAN")] LogMean,
    [EnumMember(Value = "MEAN")] Mean,
    [EnumMember(Value = "MEDIAN")] Median,
    [EnumMember(Value = "NUMBER")] Number,
    [EnumMember(Value = "COUNT_OF_PARTICIPANTS")] CountOfParticipants,
    [EnumMember(Value = "COUNT_OF_UNITS")] CountOfUnits,
}

public enum NonInferiorityType
{
    [EnumMember(Value = "SUPERIORITY")] Superiority,
    [EnumMember(Value = "NON_INFERIORITY")] NonInferiority,
    [EnumMember(Value = "EQUIVALENCE")] Equivalence,
    [EnumMember(Value = "OTHER")] Other,
    [EnumMember(Value = "NON_INFERIORITY_OR_EQUIVALENCE")] NonInferiorityOrEquivalence,
    [EnumMember(Value = "SUPERIORITY_OR_OTHER")] SuperiorityOrOther,
    [EnumMember(Value = "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY")] NonInferiorityOrEquivalenceLegacy,
    [EnumMember(Value = "SUPERIORITY_OR_OTHER_LEGACY")] SuperiorityOrOtherLegacy,
}

public enum ObservationalModel
{
    [EnumMember(Value = "COHORT")] Cohort,
    [EnumMember(Value = "CASE_CONTROL")] CaseControl,
    [EnumMember(Value = "CASE_ONLY")] CaseOnly,
    [EnumMember(Value = "CASE_CROSSOVER")] CaseCrossover,
    [EnumMember(Value = "ECOLOGIC_OR_COMMUNITY")] EcologicOrCommunity,
    [EnumMember(Value = "FAMILY_BASED")] FamilyBased,
    [EnumMember(Value = "DEFINED_POPULATION")] DefinedPopulation,
    [EnumMember(Value = "NATURAL_HISTORY")] NaturalHistory,
    [EnumMember(Value = "OTHER")] Other,
}

public enum OfficialRole
{
    [EnumMember(Value = "STUDY_CHAIR")] StudyChair,
    [EnumMember(Value = "STUDY_DIRECTOR")] StudyDirector,
    [EnumMember(Value = "PRINCIPAL_INVESTIGATOR")] PrincipalInvestigator,
    [EnumMember(Value = "SUB_INVESTIGATOR")] SubInvestigator,
}

public enum OrgStudyIdType
{
    [EnumMember(Value = "NIH")] Nih,
    [EnumMember(Value = "FDA")] Fda,
    [EnumMember(Value = "VA")] Va,
    [EnumMember(Value = "CDC")] Cdc,
    [EnumMember(Value = "AHRQ")] Ahrq,
    [EnumMember(Value = "SAMHSA")] Samhsa,
}

public enum OutcomeMeasureType
{
    [EnumMember(Value = "PRIMARY")] Primary,
    [EnumMember(Value = "SECONDARY")] Secondary,
    [EnumMember(Value = "OTHER_PRE_SPECIFIED")] OtherPreSpecified,
    [EnumMember(Value = "POST_HOC")] PostHoc,
}

public enum Phase
{
    [EnumMember(Value = "NA")] Na,
    [EnumMember(Value = "EARLY_PHASE1")] EarlyPhase1,
    [EnumMember(Value = "PHASE1")] Phase1,
    [EnumMember(Value = "PHASE2")] Phase2,
    [EnumMember(Value = "PHASE3")] Phase3,
    [EnumMember(Value = "PHASE4")] Phase4,
}

public enum PrimaryPurpose
{
    [EnumMember(Value = "TREATMENT")] Treatment,
    [EnumMember(Value = "PREVENTION")] Prevention,
    [EnumMember(Value = "DIAGNOSTIC")] Diagnostic,
    [EnumMember(Value = "ECT")] Ect,
    [EnumMember(Value = "SUPPORTIVE_CARE")] SupportiveCare,
    [EnumMember(Value = "SCREENING")] Screening,
    [EnumMember(Value = "HEALTH_SERVICES_RESEARCH")] HealthServicesResearch,
    [EnumMember(Value = "BASIC_SCIENCE")] BasicScience,
    [EnumMember(Value = "DEVICE_FEASIBILITY")] DeviceFeasibility,
    [EnumMember(Value = "OTHER")] Other,
}

public enum RecruitmentStatus
{
    [EnumMember(Value = "ACTIVE_NOT_RECRUITING")] ActiveNotRecruiting,
    [EnumMember(Value = "COMPLETED")] Completed,
    [EnumMember(Value = "ENROLLING_BY_INVITATION")] EnrollingByInvitation,
    [EnumMember(Value = "NOT_YET_RECRUITING")] NotYetRecruiting,
    [EnumMember(Value = "RECRUITING")] Recruiting,
    [EnumMember(Value = "SUSPENDED")] Suspended,
    [EnumMember(Value = "TERMINATED")] Terminated,
    [EnumMember(Value = "WITHDRAWN")] Withdrawn,
    [EnumMember(Value = "AVAILABLE")] Available,
}

public enum ReferenceType
{
    [EnumMember(Value = "BACKGROUND")] Background,
    [EnumMember(Value = "RESULT")] Result,
    [EnumMember(Value = "DERIVED")] Derived,
}

public enum ReportingStatus
{
    [EnumMember(Value = "NOT_POSTED")] NotPosted,
    [EnumMember(Value = "POSTED")] Posted,
}

public enum ResponsiblePartyType
{
    [EnumMember(Value = "SPONSOR")] Sponsor,
    [EnumMember(Value = "PRINCIPAL_INVESTIGATOR")] PrincipalInvestigator,
    [EnumMember(Value = "SPONSOR_INVESTIGATOR")] SponsorInvestigator,
}

public enum SamplingMethod
{
    [EnumMember(Value = "PROBABILITY_SAMPLE")] ProbabilitySample,
    [EnumMember(Value = "NON_PROBABILITY_SAMPLE")] NonProbabilitySample,
}

public enum SecondaryIdType
{
    [EnumMember(Value = "NIH")] Nih,
    [EnumMember(Value = "FDA")] Fda,
    [EnumMember(Value = "VA")] Va,
    [EnumMember(Value = "CDC")] Cdc,
    [EnumMember(Value = "AHRQ")] Ahrq,
    [EnumMember(Value = "SAMHSA")] Samhsa,
    [EnumMember(Value = "OTHER_GRANT")] OtherGrant,
    [EnumMember(Value = "EUDRACT_NUMBER")] EudractNumber,
    [EnumMember(Value = "CTIS")] Ctis,
    [EnumMember(Value = "REGISTRY")] Registry,
    [EnumMember(Value = "OTHER")] Other,
}

public enum Sex
{
    [EnumMember(Value = "FEMALE")] Female,
    [EnumMember(Value = "MALE")] Male,
    [EnumMember(Value = "ALL")] All,
}

public enum StandardAge
{
    [EnumMember(Value = "CHILD")] Child,
    [EnumMember(Value = "ADULT")] Adult,
    [EnumMember(Value = "OLDER_ADULT")] OlderAdult,
}

public enum Status
{
    [EnumMember(Value = "ACTIVE_NOT_RECRUITING")] ActiveNotRecruiting,
    [EnumMember(Value = "COMPLETED")] Completed,
    [EnumMember(Value = "ENROLLING_BY_INVITATION")] EnrollingByInvitation,
    [EnumMember(Value = "NOT_YET_RECRUITING")] NotYetRecruiting,
    [EnumMember(Value = "RECRUITING")] Recruiting,
    [EnumMember(Value = "SUSPENDED")] Suspended,
    [EnumMember(Value = "TERMINATED")] Terminated,
    [EnumMember(Value = "WITHDRAWN")] Withdrawn,
    [EnumMember(Value = "AVAILABLE")] Available,
    [EnumMember(Value = "NO_LONGER_AVAILABLE")] NoLongerAvailable,
    [EnumMember(Value = "TEMPORARILY_NOT_AVAILABLE")] TemporarilyNotAvailable,
    [EnumMember(Value = "APPROVED_FOR_MARKETING")] ApprovedForMarketing,
    [EnumMember(Value = "WITHHELD")] Withheld,
    [EnumMember(Value = "UNKNOWN")] Unknown,
}

public enum StudyType
{
    [EnumMember(Value = "EXPANDED_ACCESS")] ExpandedAccess,
    [EnumMember(Value = "INTERVENTIONAL")] Interventional,
    [EnumMember(Value = "OBSERVATIONAL")] Observational,
}

public enum UnpostedEventType
{
    [EnumMember(Value = "RESET")] Reset,
    [EnumMember(Value = "RELEASE")] Release,
    [EnumMember(Value = "UNRELEASE")] Unrelease,
}

public enum ViolationEventType
{
    [EnumMember(Value = "VIOLATION_IDENTIFIED")] ViolationIdentified,
    [EnumMember(Value = "CORRECTION_CONFIRMED")] CorrectionConfirmed,
    [EnumMember(Value = "PENALTY_IMPOSED")] PenaltyImposed,
    [EnumMember(Value = "ISSUES_IN_LETTER_ADDRESSED_CONFIRMED")] IssuesInLetterAddressedConfirmed,
}

public enum WhoMasked
{
    [EnumMember(Value = "PARTICIPANT")] Participant,
    [EnumMember(Value = "CARE_PROVIDER")] CareProvider,
    [EnumMember(Value = "INVESTIGATOR")] Investigator,
    [EnumMember(Value = "OUTCOMES_ASSESSOR")] OutcomesAssessor,
}
