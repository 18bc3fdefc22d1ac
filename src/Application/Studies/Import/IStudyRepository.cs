namespace Clinical.Application.Studies.Import;

/// <summary>Where imported studies go. Each batch is written atomically: all of its studies and rejects, or none.</summary>
public interface IStudyRepository
{
    /// <summary>Creates or upgrades the schema; safe to call on every run.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Brings what is derived from the stored studies and kept (the AACT layer's per-study tables) up to date with every
    /// study written so far. An import does it when its load ends; <c>migrate</c> calls it, so a database an import left
    /// behind (killed before its end) is current again without another import.
    /// </summary>
    Task CatchUpDerivedTablesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records the start of a run and returns its id. With <paramref name="keepHistory"/>, a stored study the run replaces
    /// (changed, deleted from a full file, back after a deletion) keeps its previous state as a version.
    /// </summary>
    Task<long> BeginRunAsync(StudySourceInfo source, bool keepHistory, CancellationToken cancellationToken);

    /// <summary>
    /// The stored content hashes of those of <paramref name="nctIds"/> that are in the database, so that studies whose raw
    /// JSON is unchanged can be skipped before they are even parsed.
    /// </summary>
    Task<IReadOnlyDictionary<string, byte[]>> GetStoredHashesAsync(IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a valid study into the rows this store writes for it, lineage included. Pure and thread-safe: the import
    /// calls it on the reader's threads, in parallel, and drops the study's object graph right after.
    /// </summary>
    PreparedStudy Prepare(long runId, StoredStudy study);

    /// <summary>
    /// Writes a batch in one transaction: studies whose content hash is unchanged are skipped, new and changed studies
    /// replace every row they had, and rejects go to quarantine. Returns what it wrote.
    /// </summary>
    Task<BatchWriteResult> WriteBatchAsync(long runId, IReadOnlyList<PreparedStudy> studies, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken);

    /// <summary>
    /// After a complete read of a full registry file: marks every stored study that is not in <paramref name="seen"/> as
    /// deleted by this run (soft delete: its rows stay). Returns how many were marked.
    /// </summary>
    Task<long> MarkAbsentStudiesDeletedAsync(long runId, IReadOnlyCollection<string> seen, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the loading phase of a run: after a first load, builds the keys and indexes it left out. The run's elapsed
    /// time includes this, so the import calls it before it takes the time and completes the run.
    /// </summary>
    Task FinishLoadAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Marks the run finished with its outcome and counts.</summary>
    Task CompleteRunAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken);
}
