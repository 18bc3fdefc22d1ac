using Clinical.Application.Common.Exceptions;
using Clinical.Application.Database.CheckDatabase;

namespace Clinical.UnitTests.Application.Database.CheckDatabase;

public sealed class CheckDatabaseQueryHandlerTests
{
    [Fact]
    public async Task Handle_ReachableDatabase_ReturnsTheServerVersion()
    {
        var probe = Substitute.For<IDatabaseProbe>();
        probe.ServerVersionAsync(Arg.Any<CancellationToken>()).Returns("PostgreSQL 17.6");
        var handler = new CheckDatabaseQueryHandler(probe);

        var version = await handler.Handle(new CheckDatabaseQuery(), TestContext.Current.CancellationToken);

        version.ShouldBe("PostgreSQL 17.6");
    }

    [Fact]
    public async Task Handle_UnreachableDatabase_LetsTheUnavailableErrorThrough()
    {
        var probe = Substitute.For<IDatabaseProbe>();
        probe.ServerVersionAsync(Arg.Any<CancellationToken>())
            .Returns<string>(_ => throw new DatabaseUnavailableException("db:5432/clinical as me", "cannot use PostgreSQL at db:5432/clinical as me: refused"));
        var handler = new CheckDatabaseQueryHandler(probe);

        var act = () => handler.Handle(new CheckDatabaseQuery(), TestContext.Current.CancellationToken).AsTask();

        (await act.ShouldThrowAsync<DatabaseUnavailableException>()).Database.ShouldBe("db:5432/clinical as me");
    }
}
