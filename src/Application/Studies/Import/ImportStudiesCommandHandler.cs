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
public sealed partial class ImportStudiesCommandHandler(
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
        var writers = new WriterPool(_store, run, _progress, _timeProvider, command.Writers);
        var inputIgnored = false;
        try
        {
            long read = 0;
            await foreach (var batch in _reader.ReadAsync(run.Id, command.Path, command.BatchSize, cancellationToken))
            {
                run.CountRead(batch.Studies, batch.BytesRead);
                foreach (var warning in batch.Warnings is { } flaws ? run.CountInputWarnings(flaws) : [])
                {
                    LogInputWarning(run.Id, warning.ByteOffset, warning.Message);
                    inputIgnored |= warning.Rule == InputWarning.TrailingData;
                }

                await writers.DispatchAsync(batch, read += batch.Studies.Count);
                if (batch.Error is { } error)
                {
                    run.End(ImportStatus.InputError, error.Message);
                    LogInputError(run.Id, read, error.Message);
                }
            }

            await writers.CompleteAsync();
            if (cancellationToken.IsCancellationRequested)
            {
                // Reading stopped at the request; what was read was still written.
                run.End(ImportStatus.Cancelled);
                LogCancelled(run.Id, read);
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
            if (command.Full && run.Status == ImportStatus.Succeeded)
            {
                // Only a complete read of the whole registry may say what is gone: a partial or broken file never deletes,
                // nor does one whose reader ignored data after the array's end (`][`: a second array's studies went unread).
                // The other structural flaws (a doubled or missing comma, a stray bracket) cost no study.
                if (inputIgnored)
                {
                    LogNoDeletes(run.Id);
                }
                else
                {
                    run.CountDeleted(await _store.MarkAbsentStudiesDeletedAsync(run.Id, run.Seen, CancellationToken.None));
                }
            }

            if (run.HasInputWarnings)
            {
                run.End(ImportStatus.SucceededWithWarnings); // only a run that succeeded otherwise
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
            LogCompleteFailed(run.Id, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: the input broke off after {Read} studies ({Reason}); the studies before the break were imported")]
    private partial void LogInputError(long runId, long read, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the input's structure is damaged at byte {ByteOffset}: {Problem}")]
    private partial void LogInputWarning(long runId, long byteOffset, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: cancelled after {Read} studies; the batch in flight was completed")]
    private partial void LogCancelled(long runId, long read);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: --full marks no study deleted: data after the array's closing ']' was ignored (see the warning), so studies may have gone unread; import a complete download to record deletions")]
    private partial void LogNoDeletes(long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: could not record the run's failure ({Reason}); the next run marks it interrupted")]
    private partial void LogCompleteFailed(long runId, string reason);
}
