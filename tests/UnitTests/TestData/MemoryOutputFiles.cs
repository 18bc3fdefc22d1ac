using Clinical.Application.Common.Output;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// Outputs in memory: what was committed, by name, and what was opened but never committed. A name under
/// <see cref="MissingFolder"/> is one whose folder does not exist.
/// </summary>
internal sealed class MemoryOutputFiles : IOutputFiles
{
    public const string MissingFolder = "/no-such-folder/";

    public Dictionary<string, byte[]> Committed { get; } = [];

    public List<string> Abandoned { get; } = [];

    public string? Problem(string output) => output.StartsWith(MissingFolder, StringComparison.Ordinal) ? $"The folder of '{output}' does not exist." : null;

    public IOutputFile Open(string output) => new MemoryOutputFile(this, output);

    public IOutputPath OpenPath(string output) => throw new NotSupportedException("A path output needs a file system.");

    private sealed class MemoryOutputFile(MemoryOutputFiles owner, string name) : IOutputFile
    {
        private readonly MemoryStream _stream = new();
        private bool _committed;

        public Stream Stream => _stream;

        public Task<long?> CommitAsync(CancellationToken cancellationToken)
        {
            owner.Committed[name] = _stream.ToArray();
            _committed = true;
            return Task.FromResult<long?>(name == IOutputFiles.StandardOutput ? null : _stream.Length);
        }

        public ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                owner.Abandoned.Add(name);
            }

            return _stream.DisposeAsync();
        }
    }
}
