using Clinical.Application.Schema;
using Clinical.Application.Schema.MigrateSchema;


namespace Clinical.UnitTests.Application.Schema.MigrateSchema;

public sealed class MigrateSchemaCommandHandlerTests
{
    [Fact]
    public async Task Handle_Command_EnsuresTheSchemaThenCatchesUpTheDerivedTablesAndNothingElse()
    {
        var repository = Substitute.For<ISchemaMigrator>();
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
