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

    /// <summary>The adapter that reads <paramref name="location"/>. This is the one check that an input exists.</summary>
    /// <exception cref="StudySourceException">
    /// No registered adapter reads it: a path (no scheme) does not exist; anything else is named with what can be read.
    /// </exception>
    public IStudySourceAdapter Resolve(string location) =>
        Array.Find(_adapters, adapter => adapter.CanRead(location))
        ?? throw new StudySourceException(location, IsPath(location)
            ? "The file or folder does not exist."
            : $"No source reads this input. Give {string.Join("; or ", _adapters.Select(a => a.Reads))}.");

    public StudySourceInfo Describe(string path) => Resolve(path).Describe(path);

    // "data/x.json", "/data/x.json", "C:\\x.json": a path; "ftp://host/x", "s3://bucket/x": a location of another kind.
    private static bool IsPath(string location) =>
        !string.IsNullOrEmpty(location) && !(Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile && location.Contains("://", StringComparison.Ordinal));

    /// <summary>Lazily: an unreadable location fails on the first <c>MoveNextAsync</c>, where the import handles input errors.</summary>
    public async IAsyncEnumerable<RawStudy> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var study in Resolve(path).ReadAsync(path, cancellationToken))
        {
            yield return study;
        }
    }
}
