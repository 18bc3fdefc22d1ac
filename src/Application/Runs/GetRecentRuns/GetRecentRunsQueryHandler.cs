using Mediator;

namespace Clinical.Application.Runs.GetRecentRuns;

public sealed class GetRecentRunsQueryHandler(IRunHistory history) : IQueryHandler<GetRecentRunsQuery, IReadOnlyList<RecentRun>>
{
    private readonly IRunHistory _history = history;

    public async ValueTask<IReadOnlyList<RecentRun>> Handle(GetRecentRunsQuery query, CancellationToken cancellationToken) =>
        await _history.RecentRunsAsync(query.Last, cancellationToken);
}
