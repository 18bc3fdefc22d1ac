using Clinical.Domain.Studies;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Streams the input through the per-study steps (<see cref="RawStudyProcessor"/>) and writes it in batches, in input
/// order. A batch is the unit of atomicity; cancellation stops after the batch in flight; a broken input keeps every
/// study before the break.
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

    public async ValueTask<ImportStudiesResult> Handle(ImportStudiesCommand command, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var info = _source.Describe(command.Path);
        await _repository.EnsureSchemaAsync(cancellationToken);
        var runId = await _repository.BeginRunAsync(info, cancellationToken);
        var run = new Run(runId, info, started, command.BatchSize);

        try
        {
            await ReadAllAsync(run, command.Path, cancellationToken);
            await FlushAsync(run);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            run.Status = ImportStatus.Failed;
            run.Error = ex.Message;
            await TryCompleteAsync(run);
            throw;
        }

        var result = run.ToResult(_timeProvider.GetElapsedTime(started));
        await _repository.CompleteRunAsync(runId, result, CancellationToken.None);
        return result;
    }

    private async Task ReadAllAsync(Run run, string path, CancellationToken cancellationToken)
    {
        await using var studies = _source.ReadAsync(path, CancellationToken.None).GetAsyncEnumerator(CancellationToken.None);
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                run.Status = ImportStatus.Cancelled;
                LogCancelled(run.Id, run.Read);
                return;
            }

            try
            {
                if (!await studies.MoveNextAsync())
                {
                    return;
                }
            }
            catch (StudySourceException ex)
            {
                run.Status = ImportStatus.InputError;
                run.Error = ex.Message;
                LogInputError(ex, run.Id, run.Read);
                return;
            }

            var raw = studies.Current;
            run.Read++;
            run.BytesRead = raw.ByteOffset + raw.Utf8.Length;
            run.Add(_processor.Process(raw));
            if (run.Pending >= run.BatchSize)
            {
                await FlushAsync(run);
            }
        }
    }

    /// <summary>Writes the pending batch. Not cancellable: a batch in flight always completes or rolls back as a whole.</summary>
    private async Task FlushAsync(Run run)
    {
        if (run.Pending == 0)
        {
            return;
        }

        var (studies, rejects) = run.TakeBatch();
        var written = await _repository.WriteBatchAsync(run.Id, studies, rejects, CancellationToken.None);
        run.Written += written.Written;
        run.Unchanged += written.Unchanged;
        run.Rows += written.Rows;
        _progress.Report(new ImportProgressSnapshot(run.Read, run.Written, run.Unchanged, run.Rejected, run.Rows, run.BytesRead, run.Info.SizeBytes, _timeProvider.GetElapsedTime(run.Started)));
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

    /// <summary>The running state of one import: counters and the pending batch (duplicates within it: last wins).</summary>
    private sealed class Run(long id, StudySourceInfo info, long started, int batchSize)
    {
        private readonly Dictionary<NctId, int> _positions = [];
        private readonly Dictionary<string, long> _warningsByRule = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _unknownPaths = new(StringComparer.Ordinal);
        private List<StoredStudy> _studies = [];
        private List<QuarantinedStudy> _rejects = [];

        public long Id { get; } = id;

        public StudySourceInfo Info { get; } = info;

        public long Started { get; } = started;

        public int BatchSize { get; } = batchSize;

        public ImportStatus Status { get; set; } = ImportStatus.Succeeded;

        public string? Error { get; set; }

        public long Read { get; set; }

        public long BytesRead { get; set; }

        public long Written { get; set; }

        public long Unchanged { get; set; }

        public long Rejected { get; private set; }

        public long Duplicates { get; private set; }

        public long Warnings { get; private set; }

        public long Rows { get; set; }

        public int Pending => _studies.Count + _rejects.Count;

        public void Add(ProcessedStudy processed)
        {
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
            if (_positions.TryGetValue(study.Study.NctId, out var position))
            {
                Duplicates++;
                Warnings++;
                _warningsByRule["duplicate-nct-id"] = _warningsByRule.GetValueOrDefault("duplicate-nct-id") + 1;
                _studies[position] = study;
                return;
            }

            _positions[study.Study.NctId] = _studies.Count;
            _studies.Add(study);
        }

        public (IReadOnlyList<StoredStudy> Studies, IReadOnlyList<QuarantinedStudy> Rejects) TakeBatch()
        {
            var batch = (_studies, _rejects);
            _studies = new List<StoredStudy>(BatchSize);
            _rejects = [];
            _positions.Clear();
            return batch;
        }

        public ImportStudiesResult ToResult(TimeSpan elapsed) =>
            new(Id, Status, Read, Written, Unchanged, Rejected, Duplicates, Warnings, Rows, elapsed, Error, new Dictionary<string, long>(_warningsByRule), new Dictionary<string, long>(_unknownPaths));
    }
}
