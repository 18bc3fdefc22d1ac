namespace Clinical.Application.Studies.Import;

/// <summary>Turns a valid study into the rows its store writes for it.</summary>
public interface IStudyRowEncoder
{
    /// <summary>
    /// The study's rows, lineage included. Pure and thread-safe: the import calls it on the reader's threads, in parallel,
    /// and drops the study's object graph right after.
    /// </summary>
    PreparedStudy Prepare(long runId, StoredStudy study);
}
