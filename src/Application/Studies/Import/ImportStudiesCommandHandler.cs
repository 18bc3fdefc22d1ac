using System.Runtime.ExceptionServices;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Imports an input in two overlapping stages: the <see cref="ReaderStage"/> reads, skips unchanged studies and sends the
/// rest through the per-study pipeline (<see cref="ProcessStudy"/>); the <see cref="WriterPool"/> writes each batch in one
/// transaction. The <see cref="ImportRun"/> keeps the counts; the <see cref="IRunLedger"/> records the run. A batch is the unit
/// of atomicity; cancelling stops reading after the batch in flight, which is still written; a broken input keeps every
/// study before the break; any other failure ends the run <c>failed</c> and is thrown.
/// </summary>
public sealed class ImportStudiesCommandHandler(
    IStudySource source,
    IRunLedger ledger,
    IStudyStore store,
    ReaderStage reader,
    IImportProgress progress,
    TimeProvider timeProvider,
    ILogger<ImportStudiesCommandHandler> logger)
    : ICommandHandler<ImportStudiesCommand, ImportStudiesResult>
{
    private readonly IStudySource _source = source;
    private readonly IRunLedger _ledger = ledger;
    private readonly IStudyStore _store = store;
    private readonly ReaderStage _reader = reader;
    private readonly IImportProgress _progress = progress;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly ILogger<ImportStudiesCommandHandler> _logger = logger;

    public async ValueTask<ImportStudiesResult> Handle(ImportStudiesCommand command, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var info = _source.Describe(command.Path);
        var run = new ImportRun(await _ledger.BeginRunAsync(info, command.History, cancellationToken), info, started, trackSeen: command.Full);
        var writers = new WriterPool(_store, run, _progress, _timeProvider, command.Writers, command.BatchSize);
        try
        {
            await foreach (var batch in _reader.ReadAsync(run.Id, command.Path, command.BatchSize, cancellationToken))
            {
                run.CountRead(batch.Studies, batch.BytesRead);
                foreach (var warning in batch.Warnings is { } flaws ? run.CountInputWarnings(flaws) : [])
                {
                    _logger.LogInputWarning(run.Id, warning.ByteOffset, warning.Message);
                }

                await writers.DispatchAsync(batch, run.Read);
                if (batch.Error is { } error)
                {
                    run.End(ImportStatus.InputError, error.Message);
                    _logger.LogInputError(run.Id, run.Read, error.Message);
                }
            }

            await writers.CompleteAsync();
            if (cancellationToken.IsCancellationRequested)
            {
                // Reading stopped at the request; what was read was still written.
                run.End(ImportStatus.Cancelled);
                _logger.LogCancelled(run.Id, run.Read);
            }
        }
        catch (Exception ex)
        {
            var failure = await writers.StopAsync() ?? ex;
            if (failure is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // A cancellation nobody asked for is a timeout (HttpClient's, a driver's); as such it is a failure, not a cancel.
                failure = new TimeoutException(failure.Message, failure);
            }

            run.End(ImportStatus.Failed, failure.Message);
            await TryCompleteAsync(run);
            ExceptionDispatchInfo.Throw(failure);
        }

        ImportStudiesResult result;
        try
        {
            if (run.MayMarkDeletions)
            {
                run.CountDeleted(await _store.MarkAbsentStudiesDeletedAsync(run.Id, run.Seen, CancellationToken.None));
            }
            else if (run.WithholdsDeletions)
            {
                _logger.LogNoDeletes(run.Id);
            }

            var finishing = _timeProvider.GetTimestamp();
            await _store.FinishLoadAsync(run.Id, CancellationToken.None);
            result = run.ToResult(_timeProvider.GetElapsedTime(started), _timeProvider.GetElapsedTime(finishing));
        }
        catch (Exception ex)
        {
            // The deletes or the load's end failed (e.g. the database went away): the run is recorded as failed, not left running.
            run.End(ImportStatus.Failed, ex.Message);
            await TryCompleteAsync(run);
            throw;
        }

        await _ledger.CompleteRunAsync(run.Id, result, CancellationToken.None);
        return result;
    }

    private async Task TryCompleteAsync(ImportRun run)
    {
        try
        {
            await _ledger.CompleteRunAsync(run.Id, run.ToResult(_timeProvider.GetElapsedTime(run.StartedTimestamp)), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The run's own failure is what the user is told; this one (often the same cause) is for --verbose, without a stack trace.
            _logger.LogCompleteFailed(run.Id, ex.Message);
        }
    }
}
