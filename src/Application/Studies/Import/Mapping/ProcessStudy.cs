using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// One study on its way through the per-study pipeline, as read: <see cref="StudyValidationBehavior"/> rejects a record that
/// cannot be stored, <see cref="ProcessStudyHandler"/> maps it to the <see cref="Domain.Studies.Study"/> aggregate and sends
/// what it made on as a new message, <see cref="EncodeStudy"/>. Immutable: no step writes to it.
/// </summary>
/// <param name="RunId">The import run.</param>
/// <param name="Raw">The study as it stands in the input.</param>
/// <param name="ContentSha256">SHA-256 of <paramref name="Raw"/>'s bytes.</param>
/// <param name="Record">The parsed wire record.</param>
public sealed record ProcessStudy(long RunId, RawStudy Raw, byte[] ContentSha256, StudyRecord Record) : IRequest<ProcessedStudy>
{
    /// <summary>Findings of the fields salvaged while parsing (stored as null, raw JSON kept in the finding); null: none.</summary>
    public IReadOnlyList<Finding>? Salvaged { get; init; }

    /// <summary>What the raw JSON's shape says that no column holds (empty objects and arrays, nulls, copies), or null.</summary>
    public StudyJsonShape? Shape { get; init; }

    /// <summary>The NCT number the record states, valid or not.</summary>
    public string? StatedNctId => Record.ProtocolSection?.IdentificationModule?.NctId;

    /// <summary>The outcome for a study that cannot be stored: quarantined verbatim with the reason.</summary>
    public ProcessedStudy Reject(string reason, string? jsonPath) =>
        ProcessedStudy.Rejected(Raw.Quarantine(StatedNctId, reason, jsonPath, ContentSha256));
}
