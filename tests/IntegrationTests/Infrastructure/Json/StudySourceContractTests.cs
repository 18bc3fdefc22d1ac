using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

/// <summary>
/// The contract every study source must keep, run against each input shape: the same studies, byte for byte, in the
/// same order with ordinals 0…n-1; the kind recognised from the content whatever the file is called; a broken input
/// located by name and position. A new adapter adds a subclass (see docs/adding-a-source.md).
/// </summary>
public abstract class StudySourceContractTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("clinical-contract-").FullName;

    protected string Directory => _directory;

    /// <summary>The kind <see cref="IStudySource.Describe"/> must report for this shape.</summary>
    protected abstract string Kind { get; }

    /// <summary>Writes the studies (compact JSON, one per string) in this shape; returns the path to import.</summary>
    protected abstract Task<string> WriteAsync(IReadOnlyList<string> studies);

    protected virtual IStudySource Source { get; } = new StudyFileSource();

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

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
            renamed = path; // a folder is a folder
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
            if (read.Count == 5 && new JsonStudyRecordParser().Parse(read[4].Utf8.Span).Error is { } parseError)
            {
                throw new StudySourceException(path, parseError);
            }
        });

        read.Take(4).Select(r => Encoding.UTF8.GetString(r.Utf8.Span)).ShouldBe(studies.Take(4));
        error.ShouldBeOfType<StudySourceException>().Path.ShouldStartWith(path);
    }

    /// <summary>All 200 real studies, compact, for comparing whole imports across shapes.</summary>
    public static Task<List<string>> RealStudiesForShapesAsync() => RealStudiesAsync(int.MaxValue);

    protected static async Task<List<string>> RealStudiesAsync(int count) =>
        [.. JsonNode.Parse(await File.ReadAllTextAsync(SharedData.RealStudiesPath))!.AsArray().Take(count).Select(s => s!.ToJsonString())];

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

public sealed class JsonArraySourceContractTests : StudySourceContractTests
{
    protected override string Kind => "json-array";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.JsonArrayAsync(Path.Combine(Directory, "ctg-studies.json"), studies);
}

public sealed class NdjsonSourceContractTests : StudySourceContractTests
{
    protected override string Kind => "ndjson";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.NdjsonAsync(Path.Combine(Directory, "studies.ndjson"), studies);
}

public sealed class ApiPageSourceContractTests : StudySourceContractTests
{
    protected override string Kind => "api-page";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.ApiPageAsync(Path.Combine(Directory, "page.json"), studies);
}

public sealed class GzipSourceContractTests : StudySourceContractTests
{
    protected override string Kind => "gzip";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.GzipAsync(Path.Combine(Directory, "ctg-studies.json.gz"), studies);
}

public sealed class ZipSourceContractTests : StudySourceContractTests
{
    protected override string Kind => "zip";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.ZipAsync(Path.Combine(Directory, "ctg-studies.json.zip"), studies);
}

public sealed class FolderSourceContractTests : StudySourceContractTests
{
    protected override string Kind => "directory";

    protected override async Task<string> WriteAsync(IReadOnlyList<string> studies) =>
        await InputFiles.FolderAsync(Path.Combine(Directory, "ctg-studies"), studies);
}

/// <summary>The same studies written in every shape the registry and its users produce.</summary>
internal static class InputFiles
{
    public static async Task<string> JsonArrayAsync(string path, IReadOnlyList<string> studies)
    {
        await File.WriteAllTextAsync(path, "[\n" + string.Join(",\n", studies) + "\n]\n");
        return path;
    }

    public static async Task<string> NdjsonAsync(string path, IReadOnlyList<string> studies)
    {
        await File.WriteAllTextAsync(path, string.Join("\n", studies) + "\n");
        return path;
    }

    public static async Task<string> ApiPageAsync(string path, IReadOnlyList<string> studies)
    {
        await File.WriteAllTextAsync(path, "{\"studies\":[\n" + string.Join(",\n", studies) + "\n],\"nextPageToken\":\"NF0g5JOBlfo\"}");
        return path;
    }

    public static async Task<string> GzipAsync(string path, IReadOnlyList<string> studies)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await gzip.WriteAsync(Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", studies) + "\n]\n"));
        return path;
    }

    /// <summary>The registry's zip: one file per study, named by NCT number (here prefixed to keep input order).</summary>
    public static async Task<string> ZipAsync(string path, IReadOnlyList<string> studies)
    {
        await using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        for (var i = 0; i < studies.Count; i++)
        {
            await using var entry = await zip.CreateEntry($"ctg-studies/{i:D6}-{NctId(studies[i])}.json").OpenAsync();
            await entry.WriteAsync(Encoding.UTF8.GetBytes(studies[i]));
        }

        return path;
    }

    public static async Task<string> FolderAsync(string path, IReadOnlyList<string> studies)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(path, "00"));
        for (var i = 0; i < studies.Count; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(path, "00", $"{i:D6}-{NctId(studies[i])}.json"), studies[i]);
        }

        return path;
    }

    private static string NctId(string study)
    {
        var at = study.IndexOf("\"nctId\":\"", StringComparison.Ordinal) + 9;
        return at < 9 ? "unknown" : study[at..study.IndexOf('"', at)];
    }
}
