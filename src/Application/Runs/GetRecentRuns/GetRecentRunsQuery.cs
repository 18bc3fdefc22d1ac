using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Runs.GetRecentRuns;

/// <summary>The <paramref name="Last"/> most recent import runs, newest first (none when the schema does not exist yet).</summary>
public sealed record GetRecentRunsQuery(int Last = GetRecentRunsQuery.DefaultLast) : IQuery<IReadOnlyList<RecentRun>>, IUseCase
{
    public const int DefaultLast = 10;

    public const int MaxLast = 10_000;
}
