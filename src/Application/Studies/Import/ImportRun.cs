
namespace Clinical.Application.Studies.Import;

/// <summary>
/// The running state of one import: its status and every count, safe to update from the dispatcher and the writers at once
/// (one lock; it is taken a few times per batch, never per row). <see cref="ToResult"/> is the run's outcome.
/// </summary>
public sealed class ImportRun(long id, StudySourceInfo info, long startedTimestamp, bool trackSeen)
{
    public const string DuplicateNctId = "duplicate-nct-id";

    /// <summary>How many structural warnings the result lists with their offsets; all of them are counted.</summary>
    public const int ListedInputWarnings = 100;

    private readonly Lock _lock = new();
    private readonly HashSet<string>? _seen = trackSeen ? new(StringComparer.Ordinal) : null;
    private readonly Dictionary<string, long> _warningsByRule = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknownPaths = new(StringComparer.Ordinal);
    private readonly List<InputWarning> _inputWarnings = [];
    private long _inputWarningCount;
    private long _read, _bytesRead, _written, _unchanged, _rejected, _duplicates, _warnings, _rows, _deleted;
    private ImportStatus _status = ImportStatus.Succeeded;
    private bool _inputIgnored;
    private string? _error;

    public long Id { get; } = id;

    public StudySourceInfo Info { get; } = info;

    /// <summary>When the run started, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    public ImportStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>Studies read so far.</summary>
    public long Read
    {
        get
        {
            lock (_lock)
            {
                return _read;
            }
        }
    }

    /// <summary>
    /// Whether the run may mark the stored studies it did not read as deleted: only a --full run (it tracks what it read)
    /// that read the whole input. A partial or broken input never deletes, nor does one whose reader ignored data after the
    /// array's end (`][`: a second array's studies went unread); the other structural flaws (a doubled or missing comma, a
    /// stray bracket) cost no study.
    /// </summary>
    public bool MayMarkDeletions
    {
        get
        {
            lock (_lock)
            {
                return _seen is not null && _status == ImportStatus.Succeeded && !_inputIgnored;
            }
        }
    }

    /// <summary>A --full run whose reader ignored data after the array's end: it marks no deletions, and says why.</summary>
    public bool WithholdsDeletions
    {
        get
        {
            lock (_lock)
            {
                return _seen is not null && _status == ImportStatus.Succeeded && _inputIgnored;
            }
        }
    }

    /// <summary>The NCT numbers read in this run (only with --full): stored, unchanged or rejected, all are present.</summary>
    public IReadOnlyCollection<string> Seen
    {
        get
        {
            lock (_lock)
            {
                return [.. _seen ?? []];
            }
        }
    }

    /// <summary>Counts a processed batch of the input: what it read, and each study's outcome, findings and drift.</summary>
    public void CountRead(IReadOnlyList<ProcessedStudy> studies, long bytesRead)
    {
        lock (_lock)
        {
            _read += studies.Count;
            _bytesRead = bytesRead;
            foreach (var study in studies)
            {
                if (study.NctId is { } nctId)
                {
                    _seen?.Add(nctId);
                }

                _unchanged += study.IsUnchanged ? 1 : 0;
                _rejected += study.Reject is null ? 0 : 1;
                foreach (var finding in study.Findings)
                {
                    _warnings++;
                    _warningsByRule[finding.Rule] = _warningsByRule.GetValueOrDefault(finding.Rule) + 1;
                }

                foreach (var path in study.UnknownPaths ?? [])
                {
                    _unknownPaths[path] = _unknownPaths.GetValueOrDefault(path) + 1;
                }
            }
        }
    }

    /// <summary>
    /// Counts the input's structural warnings (each under its rule, like every warning) and returns those to report one
    /// by one: the first <see cref="ListedInputWarnings"/> of the run.
    /// </summary>
    public IReadOnlyList<InputWarning> CountInputWarnings(IReadOnlyList<InputWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        lock (_lock)
        {
            var listed = new List<InputWarning>();
            foreach (var warning in warnings)
            {
                _inputWarningCount++;
                _warnings++;
                _warningsByRule[warning.Rule] = _warningsByRule.GetValueOrDefault(warning.Rule) + 1;
                _inputIgnored |= warning.Rule == InputWarning.TrailingData;
                if (_inputWarnings.Count < ListedInputWarnings)
                {
                    _inputWarnings.Add(warning);
                    listed.Add(warning);
                }
            }

            return listed;
        }
    }

    /// <summary>Whether the input had structural flaws (the run then ends "succeeded with warnings").</summary>
    public bool HasInputWarnings
    {
        get
        {
            lock (_lock)
            {
                return _inputWarningCount > 0;
            }
        }
    }

    /// <summary>Counts a study that a later one of the same batch replaced (the last version wins).</summary>
    public void CountDuplicate()
    {
        lock (_lock)
        {
            _duplicates++;
            _warnings++;
            _warningsByRule[DuplicateNctId] = _warningsByRule.GetValueOrDefault(DuplicateNctId) + 1;
        }
    }

    /// <summary>Adds what a writer wrote and returns the progress so far.</summary>
    public ImportProgressSnapshot CountWritten(BatchWriteResult written, long readSoFar, long bytesReadSoFar, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _written += written.Written;
            _unchanged += written.Unchanged;
            _rows += written.Rows;
            return new ImportProgressSnapshot(readSoFar, _written, _unchanged, _rejected, _rows, bytesReadSoFar, Info.SizeBytes, elapsed);
        }
    }

    /// <summary>The progress so far, when a batch had nothing to write.</summary>
    public ImportProgressSnapshot Progress(TimeSpan elapsed)
    {
        lock (_lock)
        {
            return new ImportProgressSnapshot(_read, _written, _unchanged, _rejected, _rows, _bytesRead, Info.SizeBytes, elapsed);
        }
    }

    public void CountDeleted(long deleted)
    {
        lock (_lock)
        {
            _deleted += deleted;
        }
    }

    /// <summary>Ends the run with <paramref name="status"/> unless it already ended otherwise (the first ending wins).</summary>
    public void End(ImportStatus status, string? error = null)
    {
        lock (_lock)
        {
            if (_status == ImportStatus.Succeeded)
            {
                _status = status;
                _error = error;
            }
        }
    }

    public ImportStudiesResult ToResult(TimeSpan elapsed, TimeSpan finishElapsed = default)
    {
        lock (_lock)
        {
            // A run that succeeded otherwise, but whose input's structure was damaged, succeeded with warnings.
            var status = _status == ImportStatus.Succeeded && _inputWarningCount > 0 ? ImportStatus.SucceededWithWarnings : _status;
            return new ImportStudiesResult(
                Id, status, _read, _written, _unchanged, _rejected, _duplicates, _warnings, _rows, elapsed, _error,
                new Dictionary<string, long>(_warningsByRule), new Dictionary<string, long>(_unknownPaths), _deleted, finishElapsed, [.. _inputWarnings]);
        }
    }
}
