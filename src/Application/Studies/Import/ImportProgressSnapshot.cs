namespace Clinical.Application.Studies.Import;

/// <summary>Counts so far, the bytes read so far and the time since the run started.</summary>
public readonly record struct ImportProgressSnapshot(long Read, long Written, long Unchanged, long Rejected, long Rows, long BytesRead, long? TotalBytes, TimeSpan Elapsed);
