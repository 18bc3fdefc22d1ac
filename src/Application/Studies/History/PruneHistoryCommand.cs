using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Studies.History;

/// <summary>
/// Bounds the history: deletes kept versions beyond the <paramref name="Keep"/> newest of each study and/or replaced before
/// <paramref name="Before"/> (both given: a version must meet both). A study's current state is never deleted. Returns how
/// many versions were deleted.
/// </summary>
public sealed record PruneHistoryCommand(int? Keep, DateOnly? Before) : ICommand<long>, IUseCase;
