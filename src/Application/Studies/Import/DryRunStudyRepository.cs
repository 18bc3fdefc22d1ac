namespace Clinical.Application.Studies.Import;

/// <summary>
/// The repository of a dry run (<c>clinical import --dry-run</c>): every study is read, parsed, validated, mapped and its
/// rows prepared (by the real repository's encoder, which needs no connection); nothing is written and no database is
/// needed. Each study counts as written, with the rows it would have written.
/// </summary>
public sealed class DryRunStudyRepository : IStudyRepository
{
    private long _runs;

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CatchUpDerivedTablesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<long> BeginRunAsync(StudySourceInfo source, bool keepHistory, CancellationToken cancellationToken) => Task.FromResult(Interlocked.Decrement(ref _runs));

    public Task<IReadOnlyDictionary<string, byte[]>> GetStoredHashesAsync(IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, byte[]>>(new Dictionary<string, byte[]>());

    public PreparedStudy Prepare(long runId, StoredStudy study) => PreparedStudy.WithoutRows(study.Study.NctId, study.ContentSha256, study.Ordinal);

    /// <summary>Writes nothing: counts each study as written with the rows it would have, and lets go of its rows.</summary>
    public Task<BatchWriteResult> WriteBatchAsync(long runId, IReadOnlyList<PreparedStudy> studies, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var study in studies)
        {
            rows += study.Rows;
            study.Release();
        }

        return Task.FromResult(new BatchWriteResult(studies.Count, 0, rows));
    }

    public Task<long> MarkAbsentStudiesDeletedAsync(long runId, IReadOnlyCollection<string> seen, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task FinishLoadAsync(long runId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CompleteRunAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken) => Task.CompletedTask;
}
