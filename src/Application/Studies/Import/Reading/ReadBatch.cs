namespace Clinical.Application.Studies.Import;

/// <summary>
/// One batch of the input after the reader stage: each study's outcome in input order, how far the input had been read, and,
/// on the last batch of a broken input, the error that ended it (the studies before it are good); and the structural
/// warnings the input gave while the batch was read.
/// </summary>
public sealed record ReadBatch(IReadOnlyList<ProcessedStudy> Studies, long BytesRead, StudySourceException? Error = null, IReadOnlyList<InputWarning>? Warnings = null);
