namespace Clinical.Application.Common.Output;

/// <summary>One output being written (see <see cref="IOutputFiles.Open"/>).</summary>
public interface IOutputFile : IAsyncDisposable
{
    /// <summary>Where the bytes go.</summary>
    Stream Stream { get; }

    /// <summary>Flushes what was written; a file then takes its name. Returns the file's size, or null for standard output.</summary>
    Task<long?> CommitAsync(CancellationToken cancellationToken);
}
