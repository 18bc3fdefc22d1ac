using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;

namespace Clinical.Infrastructure.Sources;

/// <summary>
/// The adapter for <c>-</c>: studies piped in on standard input (e.g. <c>curl … | clinical import -</c>), in any JSON
/// layout a file may have (not compressed). A read of the console's standard input blocks without looking at the
/// cancellation token, so every read goes through <see cref="CancellableReadStream"/>: a cancelled import stops waiting
/// at once instead of when the next bytes arrive.
/// </summary>
public sealed class StandardInputSource(IStandardInput input, StudyReaderOptions? options = null) : IStudySourceAdapter
{
    /// <summary>The location that means standard input, kept as is in the run record.</summary>
    public const string Location = "-";

    private readonly IStandardInput _input = input;
    private readonly StudyReaderOptions _options = options ?? new StudyReaderOptions();

    public string Reads => "'-' for standard input";

    public bool CanRead(string location) => location == Location;

    public StudySourceInfo Describe(string path) => new(Location, "stdin", null);

    public async IAsyncEnumerable<RawStudy> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stdin = new CancellableReadStream(_input.Open());
        await foreach (var study in StudyStreamReader.ReadAsync(stdin, "stdin", new StudyStreamPosition { MaxStudyBytes = _options.MaxStudyBytes }, cancellationToken))
        {
            yield return study;
        }
    }
}
