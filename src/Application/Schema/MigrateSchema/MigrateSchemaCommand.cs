using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Schema.MigrateSchema;

/// <summary>Create or upgrade the schema, importing nothing. Idempotent.</summary>
public sealed record MigrateSchemaCommand : ICommand, IUseCase;
