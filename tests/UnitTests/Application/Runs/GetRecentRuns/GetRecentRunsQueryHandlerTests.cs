using Clinical.Application.Runs.GetRecentRuns;

namespace Clinical.UnitTests.Application.Runs.GetRecentRuns;

public sealed class GetRecentRunsQueryHandlerTests
{
    [Fact]
    public async Task Handle_LastFive_AsksTheHistoryForFiveAndReturnsItsRuns()
    {
        var history = Substitute.For<IRunHistory>();
        var run = new RecentRun(7, "succeeded", "/data/ctg-studies.json", "json-array", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(6), 600_000, 599_990, 0, 10, 0, 98_000_000, null);
        history.RecentRunsAsync(5, Arg.Any<CancellationToken>()).Returns([run]);
        var handler = new GetRecentRunsQueryHandler(history);

        var runs = await handler.Handle(new GetRecentRunsQuery(5), TestContext.Current.CancellationToken);

        runs.ShouldBe([run]);
        await history.Received(1).RecentRunsAsync(5, Arg.Any<CancellationToken>());
    }
}
