using Clinical.Application.Schema.MigrateSchema;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.Application.Schema.MigrateSchema;

public sealed class MigrateSchemaCommandHandlerTests
{
    [Fact]
    public async Task Handle_Command_EnsuresTheSchemaThenCatchesUpTheDerivedTablesAndNothingElse()
    {
        var repository = Substitute.For<IStudyRepository>();
        var handler = new MigrateSchemaCommandHandler(repository);

        await handler.Handle(new MigrateSchemaCommand(), TestContext.Current.CancellationToken);

        Received.InOrder(() =>
        {
            repository.EnsureSchemaAsync(Arg.Any<CancellationToken>());
            repository.CatchUpDerivedTablesAsync(Arg.Any<CancellationToken>());
        });
        repository.ReceivedCalls().Count().ShouldBe(2);
    }
}
