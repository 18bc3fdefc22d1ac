using Mediator;

namespace Clinical.Application.Studies.History;

public sealed class PruneHistoryCommandHandler(IStudyHistoryStore store) : ICommandHandler<PruneHistoryCommand, long>
{
    private readonly IStudyHistoryStore _store = store;

    public async ValueTask<long> Handle(PruneHistoryCommand command, CancellationToken cancellationToken) =>
        await _store.PruneAsync(command.Keep, command.Before, cancellationToken);
}
