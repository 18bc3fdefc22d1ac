namespace Clinical.Application.Studies.Import;

/// <summary>Streams the studies of an input, one raw study at a time, in input order and in constant memory.</summary>
public interface IStudySource
{
    /// <summary>Describes the input before reading (kind and size), for the run record.</summary>
    StudySourceInfo Describe(string path);

    /// <summary>
    /// Yields each study of the input. Throws <see cref="StudySourceException"/> when the input itself is broken (not JSON,
    /// not an array, truncated); the studies yielded before that point are good.
    /// </summary>
    IAsyncEnumerable<RawStudy> ReadAsync(string path, CancellationToken cancellationToken);
}
