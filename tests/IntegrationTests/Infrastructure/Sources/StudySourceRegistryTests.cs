using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>The registry over the adapters the real composition registers.</summary>
public sealed class StudySourceRegistryTests : IAsyncDisposable
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=u";
    private readonly ServiceProvider _services = TestImporter.BuildServices(NoDatabase);
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-registry-").FullName;

    private StudySourceRegistry Registry => _services.GetRequiredService<IStudySource>().ShouldBeOfType<StudySourceRegistry>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Adapters_RealComposition_EveryRegisteredAdapterHasAContractSuite()
    {
        var registered = Registry.Adapters.Select(a => a.GetType()).ToHashSet();
        var covered = new HashSet<Type>();
        foreach (var suite in typeof(StudySourceContractTests).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StudySourceContractTests)) && !t.IsAbstract))
        {
            await using var instance = (StudySourceContractTests)Activator.CreateInstance(suite)!;
            covered.Add(instance.AdapterType);
        }

        registered.Count.ShouldBeGreaterThanOrEqualTo(3);
        registered.Except(covered).ShouldBeEmpty("a registered adapter without a StudySourceContractTests subclass");
    }

    [Fact]
    public async Task ReadAsync_LocationNoAdapterReads_ThrowsOnTheFirstMoveNextNotOnTheCall()
    {
        var studies = Registry.ReadAsync("ftp://example.org/studies.json", TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<StudySourceException>(async () => await studies.MoveNextAsync());

        error.Path.ShouldBe("ftp://example.org/studies.json"); // the import handles input errors where it moves to the next study
        await studies.DisposeAsync();
    }

    [Theory]
    [InlineData("ftp://example.org/studies.json")]
    [InlineData("s3://bucket/studies.json")]
    public void Describe_LocationNoAdapterReads_ThrowsStudySourceExceptionNamingItAndWhatCanBeRead(string location)
    {
        var error = Should.Throw<StudySourceException>(() => Registry.Describe(location));

        error.Path.ShouldBe(location);
        error.Message.ShouldStartWith(location);
        foreach (var adapter in Registry.Adapters)
        {
            error.Message.ShouldContain(adapter.Reads);
        }
    }

    [Theory]
    [InlineData("no/such/studies.json")]
    [InlineData("/no/such/folder")]
    public void Describe_PathThatDoesNotExist_SaysSoNamingIt(string location)
    {
        var error = Should.Throw<StudySourceException>(() => Registry.Describe(location));

        error.Path.ShouldBe(location);
        error.Message.ShouldBe($"{location}: The file or folder does not exist.");
    }

    [Fact]
    public async Task Describe_EachKindOfLocation_GivesTheLocationAsTheUserGaveItWithFilesMadeAbsolute()
    {
        var file = Path.Combine(_directory, "studies.json");
        await File.WriteAllTextAsync(file, "[]", TestContext.Current.CancellationToken);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        const string url = "https://clinicaltrials.gov/api/v2/studies?format=json&pageSize=1000&query.cond=asthma";

        var ofFile = Registry.Describe(relative);
        var ofFolder = Registry.Describe(_directory + "/");
        var ofStdin = Registry.Describe("-");
        var ofApi = Registry.Describe(url);

        ofFile.ShouldBe(new StudySourceInfo(file, "json-array", 2));
        ofFolder.Path.ShouldBe(_directory + "/");
        ofFolder.Kind.ShouldBe("directory");
        ofStdin.ShouldBe(new StudySourceInfo("-", "stdin", null));
        ofApi.ShouldBe(new StudySourceInfo(url, "api", null));
    }

    [Fact]
    public void Resolve_TwoAdaptersReadTheLocation_TheFirstRegisteredWins()
    {
        var first = Substitute.For<IStudySourceAdapter>();
        var second = Substitute.For<IStudySourceAdapter>();
        var neither = Substitute.For<IStudySourceAdapter>();
        first.CanRead("x").Returns(true);
        second.CanRead("x").Returns(true);
        var registry = new StudySourceRegistry([neither, first, second]);

        var chosen = registry.Resolve("x");

        chosen.ShouldBeSameAs(first);
    }
}
