using Clinical.Application.Studies.Import;

namespace Clinical.Cli.Output;

/// <summary>
/// Progress on stderr: one line updated in place when stderr is a terminal, a plain line every few seconds otherwise
/// (so logs of cron jobs stay readable). The import's writers report from several threads: one report is written at a
/// time, and a report that arrives while another is being written is dropped (the next one shows newer counts anyway).
/// </summary>
internal sealed class ConsoleImportProgress(TextWriter error, bool interactive, TimeProvider timeProvider) : IImportProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _error = error;
    private readonly bool _interactive = interactive;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly Lock _gate = new();
    private long _lastReport = long.MinValue; // guarded by _gate
    private bool _wroteLive;                  // guarded by _gate

    public void Report(ImportProgressSnapshot snapshot)
    {
        if (!_gate.TryEnter())
        {
            return;
        }

        try
        {
            var now = _timeProvider.GetTimestamp();
            if (_lastReport != long.MinValue && _timeProvider.GetElapsedTime(_lastReport, now) < (_interactive ? LiveInterval : PlainInterval))
            {
                return;
            }

            _lastReport = now;
            Write(snapshot);
        }
        finally
        {
            _gate.Exit();
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_wroteLive)
            {
                _error.WriteLine();
            }
        }
    }

    private void Write(ImportProgressSnapshot snapshot)
    {
        var seconds = Math.Max(snapshot.Elapsed.TotalSeconds, 0.001);
        var percent = snapshot.TotalBytes is > 0 ? $"{100.0 * snapshot.BytesRead / snapshot.TotalBytes.Value,5:F1}% " : string.Empty;
        var eta = snapshot.TotalBytes is > 0 && snapshot.BytesRead > 0
            ? $" ETA {TimeSpan.FromSeconds(seconds * (snapshot.TotalBytes.Value - snapshot.BytesRead) / snapshot.BytesRead):hh\\:mm\\:ss}"
            : string.Empty;
        var line = $"{percent}{snapshot.Read:N0} studies read ({snapshot.Read / seconds:N0}/s), {snapshot.Written:N0} written, "
            + $"{snapshot.Unchanged:N0} unchanged, {snapshot.Rejected:N0} rejected, {snapshot.Rows:N0} rows ({snapshot.Rows / seconds:N0}/s){eta}";
        if (_interactive)
        {
            var bar = snapshot.TotalBytes is > 0
                ? "[" + new string('#', (int)(20 * Math.Min(1.0, (double)snapshot.BytesRead / snapshot.TotalBytes.Value))).PadRight(20, '-') + "] "
                : string.Empty;
            _error.Write($"\r{bar}{line}\u001b[K");
            _wroteLive = true;
        }
        else
        {
            _error.WriteLine(line);
        }
    }
}
