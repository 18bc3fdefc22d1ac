using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Statistics.GetStatistics;

/// <summary>What the database holds: rows per table, studies by status and phase, quarantine reasons, findings per rule.</summary>
public sealed record GetStatisticsQuery : IQuery<DatabaseStatistics>, IUseCase;
