namespace Clinical.Application.Runs.GetRecentRuns;

/// <summary>The import runs the database has recorded.</summary>
public interface IRunHistory
{
    /// <summary>The <paramref name="limit"/> most recent runs, newest first; none when the schema does not exist yet.</summary>
    Task<IReadOnlyList<RecentRun>> RecentRunsAsync(int limit, CancellationToken cancellationToken);
}
