namespace Clinical.Application.Studies.Import;

/// <summary>Receives the running counts after each batch (a progress bar, a log line, nothing).</summary>
public interface IImportProgress
{
    void Report(ImportProgressSnapshot snapshot);
}

/// <summary>Counts so far, the bytes read so far and the time since the run started.</summary>
public readonly record struct ImportProgressSnapshot(long Read, long Written, long Unchanged, long Rejected, long Rows, long BytesRead, long? TotalBytes, TimeSpan Elapsed);

/// <summary>Progress that goes nowhere: the default when no one listens.</summary>
public sealed class NullImportProgress : IImportProgress
{
    public void Report(ImportProgressSnapshot snapshot)
    {
    }
}
