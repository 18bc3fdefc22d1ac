using System.Security.Cryptography;
using System.Threading.Channels;
using Clinical.Domain.Studies;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Streams the input in batches through two stages that overlap: a reader stage that skips studies whose raw JSON is
/// already stored (one hash lookup per batch), runs the per-study steps (<see cref="RawStudyProcessor"/>) on all cores
/// and has the repository prepare each study's rows there, and a writer stage that writes each batch in input order. A
/// batch is the unit of atomicity; cancellation stops after the batch in flight; a broken input keeps every study before
/// the break. Only prepared rows wait for the writers, and a fixed number of batches, so memory stays flat whatever the
/// input's size.
/// </summary>
public sealed partial class ImportStudiesCommandHandler(
    IStudySource source,
    IStudyRepository repository,
    RawStudyProcessor processor,
    IImportProgress progress,
    TimeProvider timeProvider,
    ILogger<ImportStudiesCommandHandler> logger)
    : ICommandHandler<ImportStudiesCommand, ImportStudiesResult>
{
    private readonly IStudySource _source = source;
    private readonly IStudyRepository _repository = repository;
    private readonly RawStudyProcessor _processor = processor;
    private readonly IImportProgress _progress = progress;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly ILogger<ImportStudiesCommandHandler> _logger = logger;

    public ValueTask<ImportStudiesResult> Handle(ImportStudiesCommand command, CancellationToken cancellationToken) =>
        command.DryRun
            ? new ImportStudiesCommandHandler(_source, new DryRunStudyRepository(), _processor, _progress, _timeProvider, _logger).RunAsync(command, cancellationToken)
            : RunAsync(command, cancellationToken);

    private async ValueTask<ImportStudiesResult> RunAsync(ImportStudiesCommand command, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var info = _source.Describe(command.Path);
        await _repository.EnsureSchemaAsync(cancellationToken);
        var runId = await _repository.BeginRunAsync(info, cancellationToken);
        var run = new Run(runId, info, started, command.BatchSize, trackSeen: command.Full);

        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var writers = Enumerable.Range(0, command.Writers)
            .Select(_ => Channel.CreateBounded<WriteJob>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }))
            .ToArray();
        var writing = writers.Select(channel => Task.Run(() => WriteAllAsync(run, channel), CancellationToken.None)).ToArray();
        using var stopReading = new CancellationTokenSource();
        var reader = Task.Run(() => ReadAsync(runId, command.Path, command.BatchSize, batches.Writer, cancellationToken, stopReading.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(CancellationToken.None))
            {
                foreach (var processed in batch.Studies)
                {
                    run.Add(processed);
                }

                run.Read += batch.Studies.Length;
                run.BytesRead = batch.BytesRead;
                if (!await DispatchAsync(run, writers))
                {
                    // Nothing to write (all unchanged): the writers will not report, so report here.
                    _progress.Report(run.Record(default, new WriteJob([], [], run.Read, run.BytesRead), _timeProvider.GetElapsedTime(started)));
                }

                if (batch.Error is not null)
                {
                    run.Status = ImportStatus.InputError;
                    run.Error = batch.Error.Message;
                    LogInputError(batch.Error, run.Id, run.Read);
                }
            }

            if (cancellationToken.IsCancellationRequested && run.Status == ImportStatus.Succeeded)
            {
                // The reader stopped at the request; what it had already processed was still written, so every study
                // counted as read is in the database.
                run.Status = ImportStatus.Cancelled;
                LogCancelled(run.Id, run.Read);
            }

            await stopReading.CancelAsync();
            await reader;
            foreach (var channel in writers)
            {
                channel.Writer.TryComplete();
            }

            await Task.WhenAll(writing);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stopReading.CancelAsync();
            foreach (var channel in writers)
            {
                channel.Writer.TryComplete();
            }

            // A writer's own exception says more than the dispatcher's "channel closed".
            var failure = await FirstFailureAsync(writing) ?? ex;
            run.Status = ImportStatus.Failed;
            run.Error = failure.Message;
            await TryCompleteAsync(run);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        if (command.Full && run.Status == ImportStatus.Succeeded)
        {
            // Only a complete read of the whole registry may say what is gone; a partial or broken file never deletes.
            run.Deleted = await _repository.MarkAbsentStudiesDeletedAsync(runId, run.Seen, CancellationToken.None);
        }

        var result = run.ToResult(_timeProvider.GetElapsedTime(started));
        await _repository.CompleteRunAsync(runId, result, CancellationToken.None);
        return result;
    }

    /// <summary>
    /// The reader stage: cuts the input into batches, skips unchanged studies and processes the rest in parallel, while
    /// it already cuts the next batch (splitting is sequential; overlapping it with the previous batch's hashing, stored-
    /// hash lookup and processing keeps both cores busy). Ends with the input, at the first input error (as a last batch
    /// carrying it), or when cancellation is requested; batches are handed on in input order as soon as each is processed.
    /// </summary>
    private async Task ReadAsync(long runId, string path, int batchSize, ChannelWriter<Batch> output, CancellationToken cancellationToken, CancellationToken stop)
    {
        var pending = new List<RawStudy>(batchSize);
        long bytesRead = 0;
        Task? processing = null;

        // At most one batch is processed while the next is cut; each hands itself on as soon as it is processed, in order.
        async Task StartAsync(List<RawStudy> batch, long readSoFar)
        {
            await DrainAsync();
            processing = Task.Run(async () => await output.WriteAsync(await ProcessAsync(runId, batch, readSoFar, null), stop), CancellationToken.None);
        }

        async Task DrainAsync()
        {
            var previous = processing;
            processing = null;
            if (previous is not null)
            {
                await previous;
            }
        }

        try
        {
            await using var studies = _source.ReadAsync(path, stop).GetAsyncEnumerator(stop);
            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    await DrainAsync();
                    return;
                }

                bool more;
                try
                {
                    more = await studies.MoveNextAsync();
                }
                catch (StudySourceException ex)
                {
                    await DrainAsync();
                    await output.WriteAsync(await ProcessAsync(runId, pending, bytesRead, ex), stop);
                    return;
                }

                if (!more)
                {
                    await DrainAsync();
                    if (pending.Count > 0)
                    {
                        await output.WriteAsync(await ProcessAsync(runId, pending, bytesRead, null), stop);
                    }

                    return;
                }

                var raw = studies.Current;
                bytesRead = raw.ByteOffset + raw.Utf8.Length;
                pending.Add(raw);
                if (pending.Count == batchSize)
                {
                    await StartAsync(pending, bytesRead);
                    pending = new List<RawStudy>(batchSize);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The writer failed and stopped the reader; the writer reports the failure.
        }
        finally
        {
            if (processing is not null)
            {
                // Left in flight by a failure above: observe it, so its own failure is not lost unobserved.
                await processing.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            output.TryComplete();
        }
    }

    private async Task<Batch> ProcessAsync(long runId, List<RawStudy> raws, long bytesRead, StudySourceException? error)
    {
        var hashes = new byte[raws.Count][];
        var ids = new string?[raws.Count];
        Parallel.For(0, raws.Count, i =>
        {
            hashes[i] = SHA256.HashData(raws[i].Utf8.Span);
            ids[i] = RawStudyProcessor.PeekNctId(raws[i].Utf8.Span);
        });

        var lookup = ids.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var stored = lookup.Length == 0
            ? new Dictionary<string, byte[]>()
            : await _repository.GetStoredHashesAsync(lookup, CancellationToken.None);
        var results = new ReadStudy[raws.Count];
        Parallel.For(0, raws.Count, i =>
        {
            results[i] = ids[i] is { } id && stored.TryGetValue(id, out var hash) && hash.AsSpan().SequenceEqual(hashes[i])
                ? new ReadStudy(id, null, null, null, null)
                : Prepare(runId, raws[i], _processor.Process(raws[i], hashes[i]));
        });
        return new Batch(results, bytesRead, error);
    }

    /// <summary>The repository's rows for a valid study; the study's object graph is dropped here.</summary>
    private ReadStudy Prepare(long runId, RawStudy raw, ProcessedStudy processed)
    {
        if (processed.Study is not { } study)
        {
            return new ReadStudy(processed.NctId, null, processed.Reject, processed.Warnings, processed.UnknownPaths);
        }

        try
        {
            return new ReadStudy(processed.NctId, _repository.Prepare(runId, study), null, processed.Warnings, processed.UnknownPaths);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidOperationException)
        {
            var reject = new QuarantinedStudy(raw.Ordinal, raw.ByteOffset, processed.NctId, $"The study's rows could not be encoded: {ex.Message}", null, raw.Utf8, study.ContentSha256);
            return new ReadStudy(processed.NctId, null, reject, processed.Warnings, processed.UnknownPaths);
        }
    }

    /// <summary>Splits the pending batch by writer: a study always goes to the same writer, so its versions stay in input order.</summary>
    private static async Task<bool> DispatchAsync(Run run, Channel<WriteJob>[] writers)
    {
        var (studies, rejects) = run.TakeBatch();
        if (studies.Count + rejects.Count == 0)
        {
            return false;
        }

        var parts = writers.Select(_ => (Studies: new List<PreparedStudy>(), Rejects: new List<QuarantinedStudy>())).ToArray();
        foreach (var study in studies)
        {
            parts[WriterOf(study.NctId, writers.Length)].Studies.Add(study);
        }

        foreach (var reject in rejects)
        {
            parts[(int)(reject.Ordinal % writers.Length)].Rejects.Add(reject);
        }

        for (var i = 0; i < writers.Length; i++)
        {
            if (parts[i].Studies.Count + parts[i].Rejects.Count > 0)
            {
                await writers[i].Writer.WriteAsync(new WriteJob(parts[i].Studies, parts[i].Rejects, run.Read, run.BytesRead));
            }
        }

        return true;
    }

    private static int WriterOf(NctId nctId, int writers) => (int)(uint.Parse(nctId.Value.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) % (uint)writers);

    /// <summary>
    /// One writer: writes its jobs in order, each in one transaction. Not cancellable: a batch in flight always completes
    /// or rolls back as a whole. On failure it closes its channel with the exception, which stops the dispatcher.
    /// </summary>
    private async Task WriteAllAsync(Run run, Channel<WriteJob> channel)
    {
        try
        {
            await foreach (var job in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                var written = await _repository.WriteBatchAsync(run.Id, job.Studies, job.Rejects, CancellationToken.None);
                _progress.Report(run.Record(written, job, _timeProvider.GetElapsedTime(run.Started)));
            }
        }
        catch (Exception ex)
        {
            channel.Writer.TryComplete(ex);
            throw;
        }
    }

    private static async Task<Exception?> FirstFailureAsync(Task[] writing)
    {
        try
        {
            await Task.WhenAll(writing);
            return null;
        }
        catch
        {
            return writing.FirstOrDefault(t => t.IsFaulted)?.Exception?.InnerException;
        }
    }

    private async Task TryCompleteAsync(Run run)
    {
        try
        {
            await _repository.CompleteRunAsync(run.Id, run.ToResult(_timeProvider.GetElapsedTime(run.Started)), CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogCompleteFailed(ex, run.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the input broke off after {Read} studies; the studies before the break were imported")]
    private partial void LogInputError(Exception ex, long runId, long read);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: cancelled after {Read} studies; the batch in flight was completed")]
    private partial void LogCancelled(long runId, long read);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: could not record the run's failure")]
    private partial void LogCompleteFailed(Exception ex, long runId);

    /// <summary>A processed batch, in input order; the last one may carry the input error.</summary>
    private sealed record Batch(ReadStudy[] Studies, long BytesRead, StudySourceException? Error);

    /// <summary>
    /// What the reader stage made of one study: its prepared rows, or a reject, or neither when its raw JSON is unchanged
    /// since it was stored (it was not parsed); plus any warnings and JSON paths the schema lacks.
    /// </summary>
    private sealed record ReadStudy(string? NctId, PreparedStudy? Study, QuarantinedStudy? Reject, IReadOnlyList<FluentValidation.Results.ValidationFailure>? Warnings, IReadOnlyList<string>? UnknownPaths)
    {
        public bool IsUnchanged => Study is null && Reject is null;
    }

    /// <summary>One writer's share of a batch, with how far the input had been read when it was cut.</summary>
    private sealed record WriteJob(IReadOnlyList<PreparedStudy> Studies, IReadOnlyList<QuarantinedStudy> Rejects, long ReadSoFar, long BytesReadSoFar);

    /// <summary>
    /// The running state of one import: counters and the pending batch (duplicates within it: last wins). The pending
    /// batch and read-side counters belong to the dispatcher; the written counters are shared by the writers (locked).
    /// </summary>
    private sealed class Run(long id, StudySourceInfo info, long started, int batchSize, bool trackSeen)
    {
        private readonly HashSet<string>? _seen = trackSeen ? new(StringComparer.Ordinal) : null;

        private readonly Lock _writeLock = new();
        private readonly Dictionary<NctId, int> _positions = [];
        private readonly Dictionary<string, long> _warningsByRule = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _unknownPaths = new(StringComparer.Ordinal);
        private List<PreparedStudy> _studies = [];
        private List<QuarantinedStudy> _rejects = [];

        public long Id { get; } = id;

        public StudySourceInfo Info { get; } = info;

        public long Started { get; } = started;

        public int BatchSize { get; } = batchSize;

        public ImportStatus Status { get; set; } = ImportStatus.Succeeded;

        public string? Error { get; set; }

        public long Read { get; set; }

        public long BytesRead { get; set; }

        public long Written { get; private set; }

        public long Unchanged { get; private set; }

        public long Rejected { get; private set; }

        public long Duplicates { get; private set; }

        public long Warnings { get; private set; }

        public long Rows { get; private set; }

        public long Deleted { get; set; }

        /// <summary>The NCT numbers read in this run (only with --full): stored, unchanged or rejected, all are present.</summary>
        public IReadOnlyCollection<string> Seen => _seen ?? [];

        /// <summary>Adds what a writer wrote; returns a progress snapshot. Called by the writers, concurrently.</summary>
        public ImportProgressSnapshot Record(BatchWriteResult written, WriteJob job, TimeSpan elapsed)
        {
            lock (_writeLock)
            {
                Written += written.Written;
                Unchanged += written.Unchanged;
                Rows += written.Rows;
                return new ImportProgressSnapshot(job.ReadSoFar, Written, Unchanged, Rejected, Rows, job.BytesReadSoFar, Info.SizeBytes, elapsed);
            }
        }

        public void Add(ReadStudy processed)
        {
            if (_seen is not null && processed.NctId is { } seenId)
            {
                _seen.Add(seenId);
            }

            if (processed.IsUnchanged)
            {
                lock (_writeLock)
                {
                    Unchanged++;
                }

                return;
            }

            foreach (var warning in processed.Warnings ?? [])
            {
                Warnings++;
                _warningsByRule[warning.ErrorCode] = _warningsByRule.GetValueOrDefault(warning.ErrorCode) + 1;
            }

            foreach (var path in processed.UnknownPaths ?? [])
            {
                _unknownPaths[path] = _unknownPaths.GetValueOrDefault(path) + 1;
            }

            if (processed.Reject is { } reject)
            {
                Rejected++;
                _rejects.Add(reject);
                return;
            }

            var study = processed.Study!;
            if (_positions.TryGetValue(study.NctId, out var position))
            {
                Duplicates++;
                Warnings++;
                _warningsByRule["duplicate-nct-id"] = _warningsByRule.GetValueOrDefault("duplicate-nct-id") + 1;
                _studies[position] = study;
                return;
            }

            _positions[study.NctId] = _studies.Count;
            _studies.Add(study);
        }

        public (IReadOnlyList<PreparedStudy> Studies, IReadOnlyList<QuarantinedStudy> Rejects) TakeBatch()
        {
            var batch = (_studies, _rejects);
            _studies = new List<PreparedStudy>(BatchSize);
            _rejects = [];
            _positions.Clear();
            return batch;
        }

        public ImportStudiesResult ToResult(TimeSpan elapsed) =>
            new(
                Id, Status, Read, Written, Unchanged, Rejected, Duplicates, Warnings, Rows, elapsed, Error, new Dictionary<string, long>(_warningsByRule), new Dictionary<string, long>(_unknownPaths), Deleted);
    }
}
