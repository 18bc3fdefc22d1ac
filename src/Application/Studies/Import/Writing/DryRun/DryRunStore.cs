namespace Clinical.Application.Studies.Import.DryRun;

/// <summary>
/// The store of a dry run (<c>clinical import --dry-run</c>): nothing is kept, so every study is new; each is counted as
/// written with the rows it would have written, and nothing is ever marked deleted.
/// </summary>
public sealed class DryRunStore : IStudyStore
{
    public Task<IReadOnlyDictionary<string, byte[]>> GetStoredHashesAsync(IReadOnlyCollection<string> nctIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, byte[]>>(new Dictionary<string, byte[]>());

    public Task<BatchWriteResult> WriteBatchAsync(long runId, IReadOnlyList<PreparedStudy> studies, IReadOnlyList<QuarantinedStudy> rejects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(studies);
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
}
