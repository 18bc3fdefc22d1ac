using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// A valid study in the form its store writes it (<see cref="IStudyRepository.Prepare"/>), with its lineage. Studies are
/// prepared on the reader's threads, so the batches that wait for the writers hold compact rows, not object graphs.
/// </summary>
public abstract class PreparedStudy(NctId nctId, byte[] contentSha256, long ordinal)
{
    public NctId NctId { get; } = nctId;

    /// <summary>SHA-256 of the study's raw JSON text.</summary>
    public byte[] ContentSha256 { get; } = contentSha256;

    /// <summary>The study's position in the input (0-based).</summary>
    public long Ordinal { get; } = ordinal;

    /// <summary>Rows the study has in all tables.</summary>
    public abstract long Rows { get; }
}
