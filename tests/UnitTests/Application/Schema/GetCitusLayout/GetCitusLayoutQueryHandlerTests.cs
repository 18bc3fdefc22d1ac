using Clinical.Application.Schema.GetCitusLayout;

namespace Clinical.UnitTests.Application.Schema.GetCitusLayout;

public sealed class GetCitusLayoutQueryHandlerTests
{
    [Fact]
    public async Task Handle_Query_ReturnsTheLayoutsCitusScript()
    {
        var layout = Substitute.For<IDistributedLayout>();
        layout.CitusScript().Returns("SELECT create_distributed_table('\"registry\".studies', 'nct_id');\n");
        var handler = new GetCitusLayoutQueryHandler(layout);

        var script = await handler.Handle(new GetCitusLayoutQuery(), TestContext.Current.CancellationToken);

        script.ShouldBe("SELECT create_distributed_table('\"registry\".studies', 'nct_id');\n");
    }
}
