using Clinical.Domain.Studies;
using FluentValidation.Results;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// One study on its way through the per-study pipeline: <see cref="StudyValidationBehavior"/> checks the wire record,
/// <see cref="StudyMappingBehavior"/> turns it into the <see cref="Domain.Studies.Study"/> aggregate, and
/// <see cref="ProcessStudyHandler"/> prepares its rows. The behaviors hand on what they made through the message.
/// </summary>
public sealed class ProcessStudy(long runId, RawStudy raw, byte[] contentSha256, StudyRecord record) : IRequest<ProcessedStudy>
{
    public long RunId { get; } = runId;

    /// <summary>The study as it stands in the input.</summary>
    public RawStudy Raw { get; } = raw;

    /// <summary>SHA-256 of <see cref="Raw"/>'s bytes.</summary>
    public byte[] ContentSha256 { get; } = contentSha256;

    /// <summary>The parsed wire record.</summary>
    public StudyRecord Record { get; } = record;

    /// <summary>Findings of the fields salvaged while parsing (stored as null, raw JSON kept in the finding); null: none.</summary>
    public IReadOnlyList<Finding>? Salvaged { get; init; }

    /// <summary>What the raw JSON's shape says that no column holds (empty objects and arrays, nulls, copies), or null.</summary>
    public StudyJsonShape? Shape { get; init; }

    /// <summary>Value-rule warnings of the record, set by the validation behavior (null: none).</summary>
    public IReadOnlyList<ValidationFailure>? Warnings { get; set; }

    /// <summary>The aggregate, set by the mapping behavior.</summary>
    public Study? Study { get; set; }

    /// <summary>The NCT number the record states, valid or not.</summary>
    public string? StatedNctId => Record.ProtocolSection?.IdentificationModule?.NctId;

    /// <summary>The outcome for a study that cannot be stored: quarantined verbatim with the reason.</summary>
    public ProcessedStudy Reject(string reason, string? jsonPath) =>
        ProcessedStudy.Rejected(new QuarantinedStudy(Raw.Ordinal, Raw.ByteOffset, StatedNctId, reason, jsonPath, Raw.Utf8, ContentSha256));
}
