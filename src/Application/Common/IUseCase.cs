namespace Clinical.Application.Common;

/// <summary>
/// A request a user makes (import, migrate, runs, stats, schema, sample): the generic logging and validation behaviors run
/// around it. The per-study request of the import (<see cref="Studies.Import.ProcessStudy"/>) is not one: it has its own
/// behaviors, and logging each of 600,000 studies would drown the log.
/// </summary>
public interface IUseCase;
