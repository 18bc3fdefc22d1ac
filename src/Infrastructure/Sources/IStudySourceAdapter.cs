using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Sources;

/// <summary>
/// One kind of input (files, standard input, the live API, …) behind the <see cref="IStudySource"/> port. Each adapter is
/// registered in DI as an <see cref="IStudySourceAdapter"/>; <see cref="StudySourceRegistry"/> hands a location to the
/// first registered adapter that can read it.
/// </summary>
public interface IStudySourceAdapter : IStudySource
{
    /// <summary>What the adapter reads, in words, for the error that names a location no adapter reads.</summary>
    string Reads { get; }

    /// <summary>Whether this adapter reads <paramref name="location"/> (by scheme, by name such as <c>-</c>, or by what is on disk).</summary>
    bool CanRead(string location);
}
