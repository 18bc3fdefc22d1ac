namespace Clinical.Application.Studies.Import;

/// <summary>Where imported studies are kept. Each batch is written atomically: all of its studies and rejects, or none.</summary>
public interface IStudyStore
{
    /// <summary>
    /// The stored content hashes of those of <paramref name="nctIds"/> that are kept, so that studies whose raw JSON is
    /// unchanged can be skipped before they are even parsed.
    /// </summary>
    Task<IReadOnlyDictionary<string, byte[]>> GetStoredHashesAsync(IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch in one transaction: studies whose content hash is unchanged are skipped, new and changed studies
    /// replace every row they had, and rejects go to quarantine. Returns what it wrote. The studies' rows are released
    /// afterwards, written or not.
    /// </summary>
    Task<BatchWriteResult> WriteBatchAsync(long runId, IReadOnlyList<PreparedStudy> studies, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken);

    /// <summary>
    /// After a complete read of a full registry file: marks every kept study that is not in <paramref name="seen"/> as
    /// deleted by this run (soft delete: its rows stay). Returns how many were marked.
    /// </summary>
    Task<long> MarkAbsentStudiesDeletedAsync(long runId, IReadOnlyCollection<string> seen, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the loading phase of a run: after a first load, builds the keys and indexes it left out, and brings what is
    /// derived from the studies up to date. The run's elapsed time includes this, so the import calls it before it takes
    /// the time and completes the run.
    /// </summary>
    Task FinishLoadAsync(long runId, CancellationToken cancellationToken);
}
