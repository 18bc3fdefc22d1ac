using Clinical.Application.Common.Output;

namespace Clinical.Infrastructure.Output;

/// <summary>
/// Outputs on the local file system, or the process's standard output for "-". A file is written as
/// <c>NAME.partial</c> and renamed over <c>NAME</c> when committed, so a failed or cancelled command never leaves half a
/// file and never replaces a good one.
/// </summary>
public sealed class LocalOutputFiles(Func<Stream>? standardOutput = null) : IOutputFiles
{
    private const string PartialSuffix = ".partial";

    private readonly Func<Stream> _standardOutput = standardOutput ?? Console.OpenStandardOutput;

    public string? Problem(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output == IOutputFiles.StandardOutput || Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output)))
            ? null
            : $"The folder of '{output}' does not exist.";
    }

    public IOutputFile Open(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output == IOutputFiles.StandardOutput)
        {
            return new StandardOutputFile(_standardOutput());
        }

        var partial = output + PartialSuffix;
        return new PartialFile(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16), partial, output);
    }

    public IOutputPath OpenPath(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var partial = output + PartialSuffix;
        DeleteWithCompanions(partial);
        return new PartialPath(partial, output);
    }

    // A database engine may leave companions beside its file (DuckDB's write-ahead log).
    private static void DeleteWithCompanions(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }

    private sealed class PartialPath(string partial, string final) : IOutputPath
    {
        private readonly string _final = final;
        private bool _committed;

        public string Path { get; } = partial;

        public Task<long> CommitAsync(CancellationToken cancellationToken)
        {
            File.Move(Path, _final, overwrite: true);
            File.Delete(Path + ".wal");
            _committed = true;
            return Task.FromResult(new FileInfo(_final).Length);
        }

        public ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                DeleteWithCompanions(Path);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class StandardOutputFile(Stream stream) : IOutputFile
    {
        public Stream Stream { get; } = stream;

        public async Task<long?> CommitAsync(CancellationToken cancellationToken)
        {
            await Stream.FlushAsync(cancellationToken);
            return null;
        }

        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }

    private sealed class PartialFile(FileStream stream, string partial, string final) : IOutputFile
    {
        private readonly FileStream _stream = stream;
        private readonly string _partial = partial;
        private readonly string _final = final;
        private bool _committed;

        public Stream Stream => _stream;

        public async Task<long?> CommitAsync(CancellationToken cancellationToken)
        {
            await _stream.FlushAsync(cancellationToken);
            var length = _stream.Length;
            await _stream.DisposeAsync();
            File.Move(_partial, _final, overwrite: true);
            _committed = true;
            return length;
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            if (!_committed)
            {
                File.Delete(_partial);
            }
        }
    }
}
