namespace Clinical.Application.Common.Output;

/// <summary>
/// One output file a writer that needs a path (e.g. a database engine) is making (see <see cref="IOutputFiles.OpenPath"/>):
/// it writes at <see cref="Path"/>, a temporary name; the file takes its name only when committed.
/// </summary>
public interface IOutputPath : IAsyncDisposable
{
    /// <summary>Where to write, until committed.</summary>
    string Path { get; }

    /// <summary>The file takes its name, replacing an older one. Returns its size.</summary>
    Task<long> CommitAsync(CancellationToken cancellationToken);
}
