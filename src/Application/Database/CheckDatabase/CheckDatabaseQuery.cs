using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Database.CheckDatabase;

/// <summary>
/// Can the database be used? Opens one connection and returns the server's version; throws
/// <see cref="Common.Exceptions.DatabaseUnavailableException"/> (naming the database, never the password) when it cannot.
/// The import asks this before it starts, so that an unreachable database is told apart from a failure during the run.
/// </summary>
public sealed record CheckDatabaseQuery : IQuery<string>, IUseCase;
