namespace Clinical.Application.Studies.Import;

/// <summary>The record of import runs: one run at a time, each recorded from its start to its outcome.</summary>
public interface IRunLedger
{
    /// <summary>
    /// Makes the store ready for a run (its schema created or upgraded) and records the run's start; returns its id. With
    /// <paramref name="keepHistory"/>, a stored study the run replaces (changed, deleted from a full file, back after a
    /// deletion) keeps its previous state as a version.
    /// </summary>
    Task<long> BeginRunAsync(StudySourceInfo source, bool keepHistory, CancellationToken cancellationToken);

    /// <summary>Records the run's outcome and counts, and lets the store go for the next run.</summary>
    Task CompleteRunAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken);
}
