namespace Clinical.Application.Common;

/// <summary>
/// A request a user makes (import, migrate, runs, stats, schema, sample): the generic logging and validation behaviors run
/// around it. The per-study requests of the import (<see cref="Studies.Import.ProcessStudy"/>,
/// <see cref="Studies.Import.EncodeStudy"/>) are not: they have their own behavior, and logging each of 600,000 studies
/// would drown the log.
/// </summary>
public interface IUseCase;
