using System.Text;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure.Json;

/// <summary>
/// The contract every study source must keep, run for every registered adapter and every input shape, through the
/// <see cref="IStudySource"/> the real DI container resolves (the registry): the location goes to the expected adapter;
/// the same studies come out byte for byte, in the same order with ordinals 0…n-1; the kind is recognised from the
/// content whatever the file is called; a broken input is located by name. A new adapter adds a subclass (see
/// docs/adding-a-source.md); <c>StudySourceRegistryTests</c> fails while a registered adapter has none.
/// </summary>
public abstract class StudySourceContractTests : IAsyncDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=u";

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("clinical-contract-").FullName;
    private readonly List<IAsyncDisposable> _resources = [];
    private ServiceProvider? _services;

    /// <summary>The adapter the registry must choose for this shape.</summary>
    public abstract Type AdapterType { get; }

    protected string Directory => _directory;

    /// <summary>The kind <see cref="IStudySource.Describe"/> must report for this shape.</summary>
    protected abstract string Kind { get; }

    /// <summary>The registry, from the real composition (with <see cref="Configure"/>'s test doubles).</summary>
    protected IStudySource Source => Services.GetRequiredService<IStudySource>();

    private ServiceProvider Services => _services ??= TestImporter.BuildServices(NoDatabase, Configure);

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        System.IO.Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Resolve_ThisShapesLocation_ChoosesItsAdapter()
    {
        var path = await WriteAsync(await RealStudiesAsync(2));

        var adapter = Source.ShouldBeOfType<StudySourceRegistry>().Resolve(path);

        adapter.ShouldBeOfType(AdapterType);
    }

    [Fact]
    public async Task ReadAsync_RealStudies_YieldsEveryStudyByteForByteInOrder()
    {
        var studies = await RealStudiesAsync(40);
        var path = await WriteAsync(studies);

        var read = await ReadAllAsync(path);

        read.Select(r => r.Ordinal).ShouldBe(Enumerable.Range(0, studies.Count).Select(i => (long)i));
        read.Select(r => Encoding.UTF8.GetString(r.Utf8.Span)).ShouldBe(studies);
        read.Select(r => r.ByteOffset).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task Describe_RecognisesTheShapeByContentNotByName()
    {
        var path = await WriteAsync(await RealStudiesAsync(3));
        var renamed = Path.Combine(_directory, "whatever.dat");
        if (File.Exists(path))
        {
            File.Copy(path, renamed);
        }
        else
        {
            renamed = path; // a folder is a folder, and stdin or an address have no name to change
        }

        Source.Describe(renamed).Kind.ShouldBe(Kind);
    }

    [Fact]
    public async Task ReadAsync_TruncatedInput_YieldsTheCompleteStudiesThenNamesTheInput()
    {
        var studies = await RealStudiesAsync(5);
        var path = await WriteAsync([.. studies.Take(4), studies[4][..(studies[4].Length / 2)]]);
        var read = new List<RawStudy>();

        var error = await Should.ThrowAsync<Exception>(async () =>
        {
            await foreach (var study in Source.ReadAsync(path, TestContext.Current.CancellationToken))
            {
                read.Add(study);
            }

            // A shape that resumes after a broken study hands it on instead: the parser must then reject it.
            if (read.Count == 5 && new StudyDecoder().Decode(read[4].Utf8.Span).Error is { } parseError)
            {
                throw new StudySourceException(path, parseError);
            }
        });

        read.Take(4).Select(r => Encoding.UTF8.GetString(r.Utf8.Span)).ShouldBe(studies.Take(4));
        error.ShouldBeOfType<StudySourceException>().Path.ShouldStartWith(ErrorName(path));
    }

    /// <summary>All 200 real studies, compact, for comparing whole imports across shapes.</summary>
    public static Task<List<string>> RealStudiesForShapesAsync() => RealStudiesAsync(int.MaxValue);

    protected static async Task<List<string>> RealStudiesAsync(int count) =>
        [.. JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath))!.AsArray().Take(count).Select(s => s!.ToJsonString())];

    /// <summary>Writes the studies (compact JSON, one per string) in this shape; returns the location to import.</summary>
    protected abstract Task<string> WriteAsync(IReadOnlyList<string> studies);

    /// <summary>Replaces parts of the real composition for this adapter (standard input, API options).</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    /// <summary>How a broken input's error names the input at <paramref name="location"/>.</summary>
    protected virtual string ErrorName(string location) => location;

    /// <summary>Disposed with the test, before the container.</summary>
    protected T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }

    private async Task<List<RawStudy>> ReadAllAsync(string path)
    {
        var read = new List<RawStudy>();
        await foreach (var study in Source.ReadAsync(path, TestContext.Current.CancellationToken))
        {
            read.Add(study);
        }

        return read;
    }
}
