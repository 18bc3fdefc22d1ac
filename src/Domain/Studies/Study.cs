using Clinical.Domain.Common;
using Clinical.Domain.Studies.Invariants;

namespace Clinical.Domain.Studies;

/// <summary>
/// One ClinicalTrials.gov study: the aggregate root. Its parts mirror the registry's v2 record
/// section by section (StudyParts.cs); the root holds what every stored study must have. Constructing it checks the
/// trial's invariants: a missing NCT number throws (the one hard rule); every broken soft invariant
/// (<see cref="InvariantRules"/>) becomes a <see cref="Finding"/> and the study keeps all its data.
/// </summary>
public sealed class Study
{
    public Study(
        ProtocolSection protocolSection,
        ResultsSection? resultsSection,
        AnnotationSection? annotationSection,
        DocumentSection? documentSection,
        DerivedSection? derivedSection,
        bool? hasResults)
    {
        ArgumentNullException.ThrowIfNull(protocolSection);
        var identification = protocolSection.IdentificationModule
            ?? throw new DomainException("A study needs protocolSection.identificationModule.");
        if (identification.NctId.Value is null)
        {
            throw new DomainException("A study needs protocolSection.identificationModule.nctId.");
        }

        NctId = identification.NctId;
        ProtocolSection = protocolSection;
        ResultsSection = resultsSection;
        AnnotationSection = annotationSection;
        DocumentSection = documentSection;
        DerivedSection = derivedSection;
        HasResults = hasResults;
        _findings = StudyInvariants.Check(protocolSection, resultsSection, hasResults);
    }

    public NctId NctId { get; }

    public ProtocolSection ProtocolSection { get; }

    public ResultsSection? ResultsSection { get; }

    public AnnotationSection? AnnotationSection { get; }

    public DocumentSection? DocumentSection { get; }

    public DerivedSection? DerivedSection { get; }

    /// <summary>The registry's flag; true exactly when a results section was posted (rules results-without-flag, flag-without-results).</summary>
    public bool? HasResults { get; }

    /// <summary>What is wrong with the study but did not stop it from loading: broken soft invariants and unexpected values.</summary>
    public IReadOnlyList<Finding> Findings => _findings ?? (IReadOnlyList<Finding>)[];

    /// <summary>Adds findings made outside the aggregate (the value rules of the wire record).</summary>
    public void AddFindings(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            (_findings ??= []).Add(finding);
        }
    }

    private List<Finding>? _findings;
}
