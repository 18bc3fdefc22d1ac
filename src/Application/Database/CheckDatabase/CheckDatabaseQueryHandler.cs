using Mediator;

namespace Clinical.Application.Database.CheckDatabase;

public sealed class CheckDatabaseQueryHandler(IDatabaseProbe probe) : IQueryHandler<CheckDatabaseQuery, string>
{
    private readonly IDatabaseProbe _probe = probe;

    public async ValueTask<string> Handle(CheckDatabaseQuery query, CancellationToken cancellationToken) =>
        await _probe.ServerVersionAsync(cancellationToken);
}
