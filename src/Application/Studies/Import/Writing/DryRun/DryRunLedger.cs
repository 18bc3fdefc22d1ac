namespace Clinical.Application.Studies.Import.DryRun;

/// <summary>The run ledger of a dry run: records nothing; runs get negative ids so they are never taken for stored ones.</summary>
public sealed class DryRunLedger : IRunLedger
{
    private long _runs;

    public Task<long> BeginRunAsync(StudySourceInfo source, bool keepHistory, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Decrement(ref _runs));

    public Task CompleteRunAsync(long runId, ImportStudiesResult result, CancellationToken cancellationToken) => Task.CompletedTask;
}
