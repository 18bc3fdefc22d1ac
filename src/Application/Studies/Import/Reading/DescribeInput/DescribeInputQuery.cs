using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Studies.Import.DescribeInput;

/// <summary>
/// What the input at <paramref name="Path"/> is, as the sources see it; throws <see cref="StudySourceException"/> when no
/// source reads it (a path that does not exist). The import asks this first, so a wrong input is a usage error whatever
/// the state of the database.
/// </summary>
public sealed record DescribeInputQuery(string Path) : IQuery<StudySourceInfo>, IUseCase;
