using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Sources;

/// <summary>
/// The registered <see cref="IStudySource"/>: chooses, for each location, the first registered adapter (in DI
/// registration order) that can read it. A new adapter is a new class and one DI line; nothing here changes.
/// </summary>
public sealed class StudySourceRegistry(IEnumerable<IStudySourceAdapter> adapters) : IStudySource
{
    private readonly IStudySourceAdapter[] _adapters = [.. adapters];

    public IReadOnlyList<IStudySourceAdapter> Adapters => _adapters;

    /// <summary>The adapter that reads <paramref name="location"/>.</summary>
    /// <exception cref="StudySourceException">No registered adapter reads it; the message names it and lists what can be read.</exception>
    public IStudySourceAdapter Resolve(string location) =>
        Array.Find(_adapters, adapter => adapter.CanRead(location))
        ?? throw new StudySourceException(location, $"No source reads this input. Give {string.Join("; or ", _adapters.Select(a => a.Reads))}.");

    public StudySourceInfo Describe(string path) => Resolve(path).Describe(path);

    /// <summary>Lazily: an unreadable location fails on the first <c>MoveNextAsync</c>, where the import handles input errors.</summary>
    public async IAsyncEnumerable<RawStudy> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var study in Resolve(path).ReadAsync(path, cancellationToken))
        {
            yield return study;
        }
    }
}
