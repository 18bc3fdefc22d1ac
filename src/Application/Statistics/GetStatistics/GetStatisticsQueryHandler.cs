using Mediator;

namespace Clinical.Application.Statistics.GetStatistics;

public sealed class GetStatisticsQueryHandler(IStatisticsReport report) : IQueryHandler<GetStatisticsQuery, DatabaseStatistics>
{
    private readonly IStatisticsReport _report = report;

    public async ValueTask<DatabaseStatistics> Handle(GetStatisticsQuery query, CancellationToken cancellationToken) =>
        await _report.StatisticsAsync(cancellationToken);
}
