using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The writer stage of an import: a fixed number of writers, each with its own connection's worth of work, writing batches
/// in one transaction each. A study always goes to the same writer (by NCT number), so its versions stay in input order;
/// within a batch the last version of a study wins. Writers are not cancellable: a batch in flight always completes or
/// rolls back as a whole. The first writer failure stops the pool and is what <see cref="DispatchAsync"/> and
/// <see cref="CompleteAsync"/> throw.
/// </summary>
public sealed class WriterPool
{
    private readonly IStudyStore _store;
    private readonly ImportRun _run;
    private readonly IImportProgress _progress;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<WriteJob>[] _channels;
    private readonly Task[] _writers;

    public WriterPool(IStudyStore store, ImportRun run, IImportProgress progress, TimeProvider timeProvider, int writers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        (_store, _run, _progress, _timeProvider) = (store, run, progress, timeProvider);
        _channels = [.. Enumerable.Range(0, writers).Select(_ => Channel.CreateBounded<WriteJob>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }))];
        _writers = [.. _channels.Select(channel => Task.Run(() => WriteAllAsync(channel), CancellationToken.None))];
    }

    /// <summary>
    /// Hands each writer its share of the batch: prepared studies (duplicates: last wins, also when the last copy is the
    /// stored version, unchanged) and rejects.
    /// </summary>
    public async Task DispatchAsync(ReadBatch batch, long readSoFar)
    {
        var studies = _channels.Select(_ => new Dictionary<string, PreparedStudy>(StringComparer.Ordinal)).ToArray();
        var rejects = _channels.Select(_ => new List<QuarantinedStudy>()).ToArray();
        foreach (var processed in batch.Studies)
        {
            if (processed.Prepared is { } prepared)
            {
                var share = studies[WriterOf(prepared.NctId.Value)];
                if (share.TryGetValue(prepared.NctId.Value, out var earlier))
                {
                    _run.CountDuplicate();
                    earlier.Release(); // never written: its rows go back to the pool now
                }

                share[prepared.NctId.Value] = prepared;
            }
            else if (processed.Reject is { } reject)
            {
                rejects[(int)(reject.Ordinal % _channels.Length)].Add(reject);
            }
            else if (processed.IsUnchanged && processed.NctId is { } unchanged && studies[WriterOf(unchanged)].Remove(unchanged, out var superseded))
            {
                // A later copy equal to the stored study wins over an earlier, different one: the stored version stays.
                _run.CountDuplicate();
                superseded.Release();
            }
        }

        var any = false;
        for (var i = 0; i < _channels.Length; i++)
        {
            if (studies[i].Count + rejects[i].Count > 0)
            {
                any = true;
                await WriteOrThrowAsync(_channels[i], new WriteJob([.. studies[i].Values], rejects[i], readSoFar, batch.BytesRead));
            }
        }

        if (!any)
        {
            // Nothing to write (all unchanged): no writer will report, so report here.
            _progress.Report(_run.Progress(_timeProvider.GetElapsedTime(_run.StartedTimestamp)));
        }
    }

    /// <summary>Waits until every writer has written all it was given; throws the first writer failure.</summary>
    public async Task CompleteAsync()
    {
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

    private async Task WriteAllAsync(Channel<WriteJob> channel)
    {
        try
        {
            await foreach (var job in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                var written = await _store.WriteBatchAsync(_run.Id, job.Studies, job.Rejects, CancellationToken.None);
                _progress.Report(_run.CountWritten(written, job.ReadSoFar, job.BytesReadSoFar, _timeProvider.GetElapsedTime(_run.StartedTimestamp)));
            }
        }
        catch (Exception ex)
        {
            channel.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>One writer's share of a batch, with how far the input had been read when it was cut.</summary>
    private sealed record WriteJob(IReadOnlyList<PreparedStudy> Studies, IReadOnlyList<QuarantinedStudy> Rejects, long ReadSoFar, long BytesReadSoFar);
}
