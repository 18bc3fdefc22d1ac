using Clinical.Application.Common.Exceptions;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class DatabaseErrorBehaviorTests
{
    private static readonly DatabaseErrorBehavior<GetStatisticsQuery, DatabaseStatistics> Behavior =
        new(new DatabaseErrorTranslator(DatabaseSettings.Resolve("Host=db;Port=5433;Database=ctgov;Username=me;Password=pw", null, _ => null)));

    [Fact]
    public async Task Handle_NextCompletesSynchronously_ReturnsItsResult()
    {
        var result = Behavior.Handle(new GetStatisticsQuery(), (_, _) => ValueTask.FromResult(DatabaseStatistics.Empty), TestContext.Current.CancellationToken);

        result.IsCompletedSuccessfully.ShouldBeTrue();
        (await result).ShouldBeSameAs(DatabaseStatistics.Empty);
    }

    [Fact]
    public void Handle_NextThrowsSynchronously_ThrowsTheTranslation()
    {
        Action act = () => Behavior.Handle(new GetStatisticsQuery(), (_, _) => throw new NpgsqlException("Exception while connecting", new IOException("refused")), TestContext.Current.CancellationToken);

        act.ShouldThrow<DatabaseUnavailableException>().Message.ShouldBe("cannot use PostgreSQL at db:5433/ctgov as me: Exception while connecting (refused)");
    }

    [Fact]
    public async Task Handle_NextFailsLater_ThrowsTheTranslationWithThePasswordRedacted()
    {
        var act = () => Behavior.Handle(new GetStatisticsQuery(), async (_, _) =>
        {
            await Task.Yield();
            throw new NpgsqlException("the server echoed pw", new IOException("gone"));
        }, TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<DatabaseUnavailableException>();
        ex.Message.ShouldBe("cannot use PostgreSQL at db:5433/ctgov as me: the server echoed ******** (gone)");
    }

    [Fact]
    public void Handle_QueryAHotStandbyCancelledToReplay_IsADatabaseErrorThatSaysWhatToTune()
    {
        Action act = () => Behavior.Handle(
            new GetStatisticsQuery(),
            (_, _) => throw new PostgresException("canceling statement due to conflict with recovery", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure),
            TestContext.Current.CancellationToken);

        var ex = act.ShouldThrow<DatabaseException>();
        ex.ShouldNotBeOfType<DatabaseUnavailableException>();
        ex.Message.ShouldBe(
            "PostgreSQL at db:5433/ctgov as me: 40001: canceling statement due to conflict with recovery (the standby cancelled the query to replay the primary's changes: "
            + "run it again, or give the standby more room with max_standby_streaming_delay or hot_standby_feedback = on; see docs/scaling.md)");
    }

    [Fact]
    public void Handle_HotStandbyFoundByTheStoresCheck_OneLineThatSaysReadOnlyAndNamesThePrimary()
    {
        Action act = () => Behavior.Handle(
            new GetStatisticsQuery(),
            (_, _) => throw new PostgresException("the server is a hot standby, in recovery", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction),
            TestContext.Current.CancellationToken);

        act.ShouldThrow<DatabaseUnavailableException>().Message.ShouldBe(
            "cannot write to PostgreSQL at db:5433/ctgov as me: the server is a read-only hot standby (in recovery). Point the command at the primary, then run again; "
            + "runs, stats, export and history work on the standby");
    }

    [Fact]
    public async Task Handle_Cancelled_LetsTheCancellationThrough()
    {
        var act = () => Behavior.Handle(new GetStatisticsQuery(), async (_, _) =>
        {
            await Task.Yield();
            throw new OperationCanceledException();
        }, TestContext.Current.CancellationToken).AsTask();

        await act.ShouldThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Handle_ClientSideTimeout_IsADatabaseErrorNotAnUnavailableDatabase()
    {
        var act = () => Behavior.Handle(new GetStatisticsQuery(), async (_, _) =>
        {
            await Task.Yield();
            throw new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"));
        }, TestContext.Current.CancellationToken).AsTask();

        var ex = await act.ShouldThrowAsync<DatabaseException>();
        ex.ShouldNotBeOfType<DatabaseUnavailableException>();
        ex.Message.ShouldContain("the statement timeout plus a minute");
    }
}
