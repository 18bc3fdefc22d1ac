using Clinical.Application;
using Clinical.Application.Studies.Import;
using Clinical.Application.Studies.Import.DryRun;
using Clinical.Infrastructure.Api;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.Infrastructure;

/// <summary>
/// What the real composition (Application + Infrastructure, as the CLI builds it) decides: which source adapter reads
/// which input, which store an import writes to and that a dry run (AddDryRunImport) writes to none, and the order of the pipeline
/// behaviours around a use case and around each study. No database: its address is a closed port.
/// </summary>
public sealed class CompositionTests : IAsyncLifetime
{
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=x;Username=u;Timeout=3";

    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-composition-").FullName;
    private readonly ServiceProvider _services = TestImporter.BuildServices(NoDatabase);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Each kind of input, the adapter that must read it and the kind it is described as.</summary>
    public static readonly TheoryData<string, Type, string> Inputs = new()
    {
        { "array.json", typeof(StudyFileSource), "json-array" },
        { "lines.ndjson", typeof(StudyFileSource), "ndjson" },
        { "array.json.gz", typeof(StudyFileSource), "gzip" },
        { "ctg-studies.json.zip", typeof(StudyFileSource), "zip" },
        { "folder", typeof(StudyFileSource), "directory" },
        { "-", typeof(StandardInputSource), "stdin" },
        { "https://clinicaltrials.gov/api/v2/studies?format=json", typeof(ClinicalTrialsApiSource), "api" },
        { "http://127.0.0.1:8080/api/v2/studies?format=json&pageSize=10", typeof(ClinicalTrialsApiSource), "api" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task StudySource_EachKindOfInput_GoesToItsAdapter(string input, Type adapter, string kind)
    {
        var location = await CreateAsync(input);
        var registry = _services.GetRequiredService<IStudySource>().ShouldBeOfType<StudySourceRegistry>();

        registry.Resolve(location).ShouldBeOfType(adapter);
        registry.Describe(location).Kind.ShouldBe(kind);
    }

    [Fact]
    public void StudySource_ALocationNoAdapterReads_IsRefusedNamingWhatCanBeRead()
    {
        var registry = _services.GetRequiredService<IStudySource>().ShouldBeOfType<StudySourceRegistry>();

        var error = Should.Throw<StudySourceException>(() => registry.Resolve("ftp://example.org/studies.json"));

        error.Message.ShouldContain("No source reads this input");
        error.Message.ShouldContain("(--from-api)");
        registry.Adapters.Select(a => a.GetType()).ShouldBe([typeof(ClinicalTrialsApiSource), typeof(StandardInputSource), typeof(StudyFileSource)]);
    }

    [Fact]
    public async Task Import_RealRun_WritesToPostgresButADryRunWritesNowhere()
    {
        var path = await InputFiles.JsonArrayAsync(Path.Combine(_directory, "studies.json"), await StudySourceContractTests.RealStudiesForShapesAsync());
        await using var dryRun = TestImporter.BuildServices(NoDatabase, services => services.AddDryRunImport());
        await using var scope = dryRun.CreateAsyncScope();

        var store = _services.GetRequiredService<PostgresStudyRepository>();
        _services.GetRequiredService<IRunLedger>().ShouldBeSameAs(store);
        _services.GetRequiredService<IStudyStore>().ShouldBeSameAs(store);
        _services.GetRequiredService<IStudyRowEncoder>().ShouldBeSameAs(store);
        scope.ServiceProvider.GetRequiredService<IRunLedger>().ShouldBeOfType<DryRunLedger>();
        scope.ServiceProvider.GetRequiredService<IStudyStore>().ShouldBeOfType<DryRunStore>();
        scope.ServiceProvider.GetRequiredService<IStudyRowEncoder>().ShouldBeOfType<DryRunRowEncoder>();
        // The database is a closed port: a dry run that reached any store but its own would fail.
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportStudiesCommand(path), TestContext.Current.CancellationToken);

        result.Status.ShouldBe(ImportStatus.Succeeded, result.Error);
        result.Written.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Pipeline_AUseCase_IsLoggedThenValidatedThenItsDatabaseErrorsTranslated()
    {
        using var scope = _services.CreateScope();

        var behaviors = scope.ServiceProvider.GetServices<IPipelineBehavior<ImportStudiesCommand, ImportStudiesResult>>().Select(b => b.GetType().Name);

        // Outermost first: logging sees every outcome, invalid requests never reach the handler, and the handler's Npgsql
        // exceptions are translated before anything else sees them.
        behaviors.ShouldBe(["LoggingBehavior`2", "ValidationBehavior`2", "DatabaseErrorBehavior`2"]);
    }

    [Fact]
    public void Pipeline_EachStudy_IsValidatedBeforeItIsMapped()
    {
        using var scope = _services.CreateScope();

        var behaviors = scope.ServiceProvider.GetServices<IPipelineBehavior<ProcessStudy, ProcessedStudy>>().Select(b => b.GetType());
        var encoding = scope.ServiceProvider.GetServices<IPipelineBehavior<EncodeStudy, ProcessedStudy>>();

        // Only the validation behaviour around a study as read (a study is no use case: nothing logged or translated per
        // study); its handler maps it, and the mapped study goes on to be encoded with nothing around it.
        behaviors.ShouldBe([typeof(StudyValidationBehavior)]);
        scope.ServiceProvider.GetRequiredService<IRequestHandler<ProcessStudy, ProcessedStudy>>().ShouldBeOfType<ProcessStudyHandler>();
        encoding.ShouldBeEmpty();
    }

    /// <summary>The input named: a file or folder of that kind in the test's directory; stdin and addresses as they are.</summary>
    private async Task<string> CreateAsync(string input)
    {
        if (input == "-" || input.Contains("://", StringComparison.Ordinal))
        {
            return input;
        }

        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(3).ToList();
        var path = Path.Combine(_directory, input);
        return Path.GetExtension(input) switch
        {
            ".json" => await InputFiles.JsonArrayAsync(path, studies),
            ".ndjson" => await InputFiles.NdjsonAsync(path, studies),
            ".gz" => await InputFiles.GzipAsync(path, studies),
            ".zip" => await InputFiles.ZipAsync(path, studies),
            _ => await InputFiles.FolderAsync(path, studies),
        };
    }
}
