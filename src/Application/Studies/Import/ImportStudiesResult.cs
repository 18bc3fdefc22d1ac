namespace Clinical.Application.Studies.Import;

/// <summary>
/// The outcome of one import run with its counts; <c>UnknownPaths</c> counts the studies holding each JSON path the schema
/// lacks (drift). <c>Elapsed</c> is the whole run, from start to the run's completion; <c>FinishElapsed</c> is the part of it
/// spent after the last batch was written (after a first load: building the keys). <c>InputWarnings</c> lists the input's
/// structural flaws with their byte offsets (the first <see cref="ImportRun.ListedInputWarnings"/>; all are counted in
/// <c>WarningsByRule</c>).
/// </summary>
public sealed record ImportStudiesResult(
    long RunId,
    ImportStatus Status,
    long Read,
    long Written,
    long Unchanged,
    long Rejected,
    long Duplicates,
    long Warnings,
    long Rows,
    TimeSpan Elapsed,
    string? Error,
    IReadOnlyDictionary<string, long> WarningsByRule,
    IReadOnlyDictionary<string, long> UnknownPaths,
    long Deleted = 0,
    TimeSpan FinishElapsed = default,
    IReadOnlyList<InputWarning>? InputWarnings = null)
{
    public double StudiesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
