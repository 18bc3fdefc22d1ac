using Mediator;

namespace Clinical.Application.Schema.GetCitusLayout;

public sealed class GetCitusLayoutQueryHandler(IDistributedLayout layout) : IQueryHandler<GetCitusLayoutQuery, string>
{
    private readonly IDistributedLayout _layout = layout;

    public ValueTask<string> Handle(GetCitusLayoutQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_layout.CitusScript());
}
