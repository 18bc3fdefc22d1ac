using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The writer stage of an import: a fixed number of writers, each with its own connection's worth of work, writing batches
/// in one transaction each. The reader's chunks are gathered into batches of the command's batch size (a chunk holds at
/// most <see cref="ReaderStage.MaxChunk"/> studies), so each writer's COPY of a table carries more rows for the same two
/// round trips. A study always goes to the same writer (by NCT number), so its versions stay in input order; within a
/// batch the last version of a study wins. Writers are not cancellable: a batch in flight always completes or rolls back
/// as a whole. The first writer failure stops the pool and is what <see cref="DispatchAsync"/> and
/// <see cref="CompleteAsync"/> throw.
/// </summary>
public sealed class WriterPool
{
    private readonly IStudyStore _store;
    private readonly ImportRun _run;
    private readonly IImportProgress _progress;
    private readonly TimeProvider _timeProvider;
    private readonly int _batchSize;
    private readonly Channel<WriteJob>[] _channels;
    private readonly SemaphoreSlim[] _idle; // a writer's is free while it has nothing to write
    private readonly Task[] _writers;

    // The batch being gathered: each writer's share, and how many studies of the input it covers.
    private readonly Dictionary<string, PreparedStudy>[] _studies;
    private readonly List<QuarantinedStudy>[] _rejects;
    private int _gathered;
    private long _readSoFar;
    private long _bytesReadSoFar;

    public WriterPool(IStudyStore store, ImportRun run, IImportProgress progress, TimeProvider timeProvider, int writers, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        (_store, _run, _progress, _timeProvider, _batchSize) = (store, run, progress, timeProvider, batchSize);
        _studies = [.. Enumerable.Range(0, writers).Select(_ => new Dictionary<string, PreparedStudy>(StringComparer.Ordinal))];
        _rejects = [.. Enumerable.Range(0, writers).Select(_ => new List<QuarantinedStudy>())];
        _channels = [.. Enumerable.Range(0, writers).Select(_ => Channel.CreateBounded<WriteJob>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }))];
        _idle = [.. Enumerable.Range(0, writers).Select(_ => new SemaphoreSlim(1))];
        _writers = [.. Enumerable.Range(0, writers).Select(i => Task.Run(() => WriteAllAsync(_channels[i], _idle[i]), CancellationToken.None))];
    }

    /// <summary>
    /// Adds a chunk to the batch being gathered, each prepared study and reject to its writer's share (duplicates: last
    /// wins, also when the last copy is the stored version, unchanged); hands the batch to the writers once it covers the
    /// batch size, or at once when the chunk ends a broken input (the studies before the error are written before the run
    /// ends).
    /// </summary>
    public async Task DispatchAsync(ReadBatch batch, long readSoFar)
    {
        foreach (var processed in batch.Studies)
        {
            if (processed.Prepared is { } prepared)
            {
                var share = _studies[WriterOf(prepared.NctId.Value)];
                if (share.TryGetValue(prepared.NctId.Value, out var earlier))
                {
                    _run.CountDuplicate();
                    earlier.Release(); // never written: its rows go back to the pool now
                }

                share[prepared.NctId.Value] = prepared;
            }
            else if (processed.Reject is { } reject)
            {
                _rejects[(int)(reject.Ordinal % _channels.Length)].Add(reject);
            }
            else if (processed.IsUnchanged && processed.NctId is { } unchanged && _studies[WriterOf(unchanged)].Remove(unchanged, out var superseded))
            {
                // A later copy equal to the stored study wins over an earlier, different one: the stored version stays.
                _run.CountDuplicate();
                superseded.Release();
            }
        }

        (_gathered, _readSoFar, _bytesReadSoFar) = (_gathered + batch.Studies.Count, readSoFar, batch.BytesRead);
        if (_gathered >= _batchSize || batch.Error is not null)
        {
            await FlushAsync();
        }
    }

    /// <summary>
    /// Hands the batch gathered so far to the writers, even when it is short of the batch size (the input ended or broke).
    /// Each share waits until its writer is done with the one before: a batch is gathered while the last one is written, and
    /// no third one waits in between (peak memory: two batches' rows).
    /// </summary>
    private async Task FlushAsync()
    {
        var any = false;
        for (var i = 0; i < _channels.Length; i++)
        {
            if (_studies[i].Count + _rejects[i].Count > 0)
            {
                any = true;
                var job = new WriteJob([.. _studies[i].Values], [.. _rejects[i]], _readSoFar, _bytesReadSoFar);
                _studies[i].Clear();
                _rejects[i].Clear();
                await _idle[i].WaitAsync();
                await WriteOrThrowAsync(_channels[i], job);
            }
        }

        if (!any && _gathered > 0)
        {
            // Nothing to write (all unchanged): no writer will report, so report here.
            _progress.Report(_run.Progress(_timeProvider.GetElapsedTime(_run.StartedTimestamp)));
        }

        _gathered = 0;
    }

    /// <summary>Hands the writers the batch gathered so far, waits until they have written all they were given; throws the first writer failure.</summary>
    public async Task CompleteAsync()
    {
        await FlushAsync();
        if (await StopAsync() is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Gives the writers nothing more, waits for them, and returns the first writer failure (null if none failed).</summary>
    public async Task<Exception?> StopAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_writers);
            return null;
        }
        catch
        {
            return _writers.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException;
        }
    }

    private int WriterOf(string nctId) =>
        (int)(uint.Parse(nctId.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) % (uint)_channels.Length);

    private async Task WriteOrThrowAsync(Channel<WriteJob> channel, WriteJob job)
    {
        try
        {
            await channel.Writer.WriteAsync(job);
        }
        catch (ChannelClosedException ex) when (ex.InnerException is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure); // the writer's own exception says more than "channel closed"
        }
    }

    private async Task WriteAllAsync(Channel<WriteJob> channel, SemaphoreSlim idle)
    {
        try
        {
            await foreach (var job in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                var written = await _store.WriteBatchAsync(_run.Id, job.Studies, job.Rejects, CancellationToken.None);
                _progress.Report(_run.CountWritten(written, job.ReadSoFar, job.BytesReadSoFar, _timeProvider.GetElapsedTime(_run.StartedTimestamp)));
                idle.Release();
            }
        }
        catch (Exception ex)
        {
            channel.Writer.TryComplete(ex);
            idle.Release(); // a dispatcher waiting for this writer goes on, and meets the closed channel's failure
            throw;
        }
    }

    /// <summary>One writer's share of a batch, with how far the input had been read when it was cut.</summary>
    private sealed record WriteJob(IReadOnlyList<PreparedStudy> Studies, IReadOnlyList<QuarantinedStudy> Rejects, long ReadSoFar, long BytesReadSoFar);
}
