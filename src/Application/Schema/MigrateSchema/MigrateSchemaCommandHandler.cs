using Clinical.Application.Studies.Import;
using Mediator;

namespace Clinical.Application.Schema.MigrateSchema;

public sealed class MigrateSchemaCommandHandler(IStudyRepository repository) : ICommandHandler<MigrateSchemaCommand>
{
    private readonly IStudyRepository _repository = repository;

    public async ValueTask<Unit> Handle(MigrateSchemaCommand command, CancellationToken cancellationToken)
    {
        await _repository.EnsureSchemaAsync(cancellationToken);
        await _repository.CatchUpDerivedTablesAsync(cancellationToken);
        return Unit.Value;
    }
}
