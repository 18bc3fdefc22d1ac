using System.Globalization;
using Clinical.Application.Studies.Import;

namespace Clinical.Cli.Output;

/// <summary>
/// A hook for tests only, off unless <see cref="Variable"/> is set (read once, when the import starts): with
/// <c>CLINICAL_TEST_SIGNAL_AFTER_BATCH=N</c>, after the N-th progress report of the import (a batch committed: each writer's
/// share of a batch is one transaction and one report; a batch with nothing to write, all unchanged, is one report too), the
/// import writes <see cref="MarkerFor"/>'s line to stderr and then waits for ever: every later report (another writer's
/// commit, the next batch) waits too, so the run can neither finish nor go much further. A test waits for the line and
/// SIGKILLs the process there, a chosen point instead of a moment on the clock (<c>KillAndResumeTests</c>,
/// <c>HistoryKillTests</c>; docs/reliability.md). Nobody else should set it: the import would never end.
/// </summary>
internal sealed class TestSignalProgress(IImportProgress inner, int afterReport, TextWriter error) : IImportProgress
{
    public const string Variable = "CLINICAL_TEST_SIGNAL_AFTER_BATCH";

    private int _reports;

    /// <summary>The line on stderr once report <paramref name="afterReport"/> has been made.</summary>
    public static string MarkerFor(int afterReport) =>
        string.Create(CultureInfo.InvariantCulture, $"{Variable}: batch {afterReport} committed; waiting to be killed");

    /// <summary>
    /// <paramref name="progress"/> as it is when <see cref="Variable"/> is unset (or empty); wrapped when it is a whole number
    /// from 1 up; null when it is anything else (a test's mistake; the caller exits 2 after the line in <paramref name="problem"/>).
    /// </summary>
    public static IImportProgress? Wrap(IImportProgress progress, Func<string, string?> environment, TextWriter error, out string? problem)
    {
        problem = null;
        if (environment(Variable) is not { Length: > 0 } text)
        {
            return progress;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var report) && report >= 1)
        {
            return new TestSignalProgress(progress, report, error);
        }

        problem = $"{Variable} '{text}' is not a whole number from 1 up (a test hook: unset it).";
        return null;
    }

    public void Report(ImportProgressSnapshot snapshot)
    {
        inner.Report(snapshot);
        var report = Interlocked.Increment(ref _reports);
        if (report < afterReport)
        {
            return;
        }

        if (report == afterReport)
        {
            lock (error)
            {
                error.WriteLine(MarkerFor(afterReport));
                error.Flush();
            }
        }

        Thread.Sleep(Timeout.Infinite); // until the test kills the process
    }
}
