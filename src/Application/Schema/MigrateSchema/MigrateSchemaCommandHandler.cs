using Mediator;

namespace Clinical.Application.Schema.MigrateSchema;

public sealed class MigrateSchemaCommandHandler(ISchemaMigrator migrator) : ICommandHandler<MigrateSchemaCommand>
{
    private readonly ISchemaMigrator _migrator = migrator;

    public async ValueTask<Unit> Handle(MigrateSchemaCommand command, CancellationToken cancellationToken)
    {
        await _migrator.EnsureSchemaAsync(cancellationToken);
        await _migrator.CatchUpDerivedTablesAsync(cancellationToken);
        return Unit.Value;
    }
}
