namespace Clinical.Cli;

/// <summary>The process exit codes, in one place; <c>clinical --help</c> lists them.</summary>
public static class ExitCodes
{
    /// <summary>Every study of the input was imported (or was already up to date).</summary>
    public const int Success = 0;

    /// <summary>A failure: the database reported an error (e.g. the statement timeout).</summary>
    public const int Failure = 1;

    /// <summary>
    /// Invalid usage or input: bad arguments or settings, a missing file, a file that is not a JSON array or breaks off, a
    /// cut-off or damaged zip or gzip (the download is incomplete).
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>
    /// The import finished but some studies were rejected (see the quarantine table), or it succeeded with warnings: the
    /// input's structure was damaged (a doubled or missing comma, a stray bracket, data after the end), every study was read.
    /// </summary>
    public const int CompletedWithRejects = 3;

    /// <summary>
    /// The database cannot be used: it cannot be reached, refused the login or does not exist; it is read-only, out of disk
    /// space, the role lacks a privilege, or it went away during a run and stayed away past every retry (host, port and
    /// database are named; never the password). Fix the database, then run again: what was written is kept.
    /// </summary>
    public const int DatabaseUnavailable = 4;

    /// <summary>Another import is running against the same database.</summary>
    public const int Busy = 5;

    /// <summary>Cancelled with Ctrl+C after the batch in flight was written.</summary>
    public const int Cancelled = 130;

    public const string HelpText = """
        Exit codes:
          0    all studies imported (or unchanged)
          1    failure: a database error (e.g. the statement timeout)
          2    invalid usage, settings or input (DBPORT=abc, --batch-size 0, missing file, not a JSON array,
               the file breaks off, a cut-off or damaged zip/gzip: fetch it again; studies before the break are kept)
          3    finished, but some studies were rejected (see the quarantine table: registry.quarantine, or that of
               --schema), or succeeded with warnings (the input's structure was damaged, e.g. a doubled comma:
               every study was read; see the summary)
          4    the database cannot be used: unreachable, login refused, no such database, read-only, disk full,
               a missing privilege, or down past every retry during a run (what was written is kept)
          5    another import is running against the same database
          130  cancelled (Ctrl+C); the batch in flight was completed
        """;
}
