using Clinical.Application.Statistics.GetStatistics;

namespace Clinical.UnitTests.Application.Statistics.GetStatistics;

public sealed class GetStatisticsQueryHandlerTests
{
    [Fact]
    public async Task Handle_ReportWithFindings_ReturnsTheReportsStatisticsWithTheFindingsPerRule()
    {
        var report = Substitute.For<IStatisticsReport>();
        var statistics = DatabaseStatistics.Empty with
        {
            RowsPerTable = [new("studies", 200)],
            FindingsByRule = [new FindingRuleCount("adverse-event-affected-above-at-risk", 12, 3)],
        };
        report.StatisticsAsync(Arg.Any<CancellationToken>()).Returns(statistics);
        var handler = new GetStatisticsQueryHandler(report);

        var result = await handler.Handle(new GetStatisticsQuery(), TestContext.Current.CancellationToken);

        result.ShouldBeSameAs(statistics);
        result.FindingsByRule.ShouldHaveSingleItem().Studies.ShouldBe(3);
    }
}
