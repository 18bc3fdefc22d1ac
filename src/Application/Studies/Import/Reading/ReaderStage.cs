using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The reader stage of an import: cuts the input into chunks of at most <see cref="MaxChunk"/> studies (a batch of the
/// writers may hold several), skips studies whose raw JSON is already stored (one hash lookup per chunk) and sends the rest
/// through the per-study pipeline on all cores, while it already cuts the next chunk. Chunks come out in input order. It
/// ends with the input; at a broken input, with a last chunk carrying the error; when the caller cancels, after the chunk
/// in flight (what was read is handed on, nothing is lost); and at once when the consumer stops listening (a failure
/// downstream), without processing anything more.
/// </summary>
public sealed class ReaderStage(IStudySource source, IStudyStore store, RawStudyProcessor processor)
{
    /// <summary>
    /// The most studies the reader cuts and processes at once, whatever the batch size: a chunk's records and domain
    /// objects are alive together while it is processed, so memory follows the chunk, not the batch the writers commit.
    /// </summary>
    public const int MaxChunk = 250;

    private readonly IStudySource _source = source;
    private readonly IStudyStore _store = store;
    private readonly RawStudyProcessor _processor = processor;

    public async IAsyncEnumerable<ReadBatch> ReadAsync(
        long runId, string path, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var output = Channel.CreateBounded<ReadBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() => ProduceAsync(new Run(runId, path, Math.Min(batchSize, MaxChunk)), output.Writer, cancellationToken, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in output.Reader.ReadAllAsync(CancellationToken.None))
            {
                yield return batch;
            }
        }
        finally
        {
            // Left early (a failure downstream): stop reading and processing, and wait until nothing runs any more.
            await stop.CancelAsync();
            await reading;
        }

        // A failure of the input itself (not a break in its JSON): thrown as it is, an HttpClient timeout included.
        if (await reading is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task<Exception?> ProduceAsync(Run run, ChannelWriter<ReadBatch> output, CancellationToken cancellationToken, CancellationToken stop)
    {
        Exception? failure = null;
        var pending = new List<RawStudy>(run.ChunkSize);
        List<InputWarning>? warnings = null; // the input's structural flaws met since the last batch
        long bytesRead = 0;
        Task? processing = null;
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);
        try
        {
            await using var studies = _source.ReadAsync(run.Path, reading.Token).GetAsyncEnumerator(reading.Token);
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    if (!await studies.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (StudySourceException ex)
                {
                    await DrainAsync();
                    await output.WriteAsync(await ProcessAsync(run, pending, bytesRead, ex, warnings, stop), stop);
                    return null;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !stop.IsCancellationRequested)
                {
                    break; // the caller cancelled while the source waited (a blocked stdin read, an API backoff)
                }

                var raw = studies.Current;
                if (raw.Warning is { } warning)
                {
                    (warnings ??= []).Add(warning);
                    continue;
                }

                bytesRead = raw.ByteOffset + raw.Utf8.Length;
                pending.Add(raw);
                if (pending.Count == run.ChunkSize)
                {
                    await DrainAsync();
                    var batch = pending;
                    var readSoFar = bytesRead;
                    var flaws = warnings;
                    processing = Task.Run(async () => await output.WriteAsync(await ProcessAsync(run, batch, readSoFar, null, flaws, stop), stop), CancellationToken.None);
                    pending = new List<RawStudy>(run.ChunkSize);
                    warnings = null;
                }
            }

            await DrainAsync();
            if ((pending.Count > 0 || warnings is not null) && !cancellationToken.IsCancellationRequested)
            {
                await output.WriteAsync(await ProcessAsync(run, pending, bytesRead, null, warnings, stop), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped listening; it knows why.
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            if (processing is not null)
            {
                // Left in flight by a failure above: observe it, so its own failure is not lost.
                await processing.ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            output.TryComplete();
        }

        return failure;

        async Task DrainAsync()
        {
            var previous = processing;
            processing = null;
            if (previous is not null)
            {
                await previous;
            }
        }
    }

    private async Task<ReadBatch> ProcessAsync(
        Run run, List<RawStudy> raws, long bytesRead, StudySourceException? error, List<InputWarning>? warnings, CancellationToken stop)
    {
        var options = new ParallelOptions { CancellationToken = stop };
        var hashes = new byte[raws.Count][];
        var ids = new string?[raws.Count];
        Parallel.For(0, raws.Count, options, i =>
        {
            hashes[i] = SHA256.HashData(raws[i].Utf8.Span);
            ids[i] = RawStudyProcessor.PeekNctId(raws[i].Utf8.Span);
        });

        var lookup = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var stored = lookup.Length == 0 ? new Dictionary<string, byte[]>() : await _store.GetStoredHashesAsync(lookup, stop);
        var results = new ProcessedStudy[raws.Count];
        Parallel.For(0, raws.Count, options, i =>
        {
            if (ids[i] is { } id && stored.TryGetValue(id, out var hash) && hash.AsSpan().SequenceEqual(hashes[i]))
            {
                results[i] = ProcessedStudy.Unchanged(id);
                return;
            }

            // The per-study pipeline does no I/O: its ValueTask is complete when Send returns.
            var processed = _processor.ProcessAsync(run.RunId, raws[i], hashes[i], stop);
            results[i] = processed.IsCompletedSuccessfully ? processed.Result : processed.AsTask().GetAwaiter().GetResult();
        });

        // Every study of the chunk is hashed, decoded and encoded: its bytes go back to the source's pool.
        foreach (var raw in raws)
        {
            raw.Release();
        }

        return new ReadBatch(results, bytesRead, error, warnings);
    }

    private sealed record Run(long RunId, string Path, int ChunkSize);
}
