using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Studies.History;

/// <summary>The versions of each of <paramref name="NctIds"/>; with <paramref name="Diff"/>, what changed between consecutive versions.</summary>
public sealed record GetStudyHistoryQuery(IReadOnlyList<string> NctIds, bool Diff = false) : IQuery<IReadOnlyList<StudyHistory>>, IUseCase;
