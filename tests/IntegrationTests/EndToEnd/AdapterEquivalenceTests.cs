using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Sources;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.Infrastructure.Sources;
using Clinical.IntegrationTests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>The 200 real studies imported through every input shape (and standard input) give identical table contents.</summary>
public sealed class AdapterEquivalenceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-shapes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_SameStudiesThroughEveryShape_GivesIdenticalTables()
    {
        _database.RequireAvailable();
        var studies = await StudySourceContractTests.RealStudiesForShapesAsync();
        await using var stdin = new StandardInputFeed();
        var shapes = new (string Name, Func<Task<string>> Write)[]
        {
            ("json-array", () => InputFiles.JsonArrayAsync(Path.Combine(_directory, "a.json"), studies)),
            ("ndjson", () => InputFiles.NdjsonAsync(Path.Combine(_directory, "b.ndjson"), studies)),
            ("api-page", () => InputFiles.ApiPageAsync(Path.Combine(_directory, "c.json"), studies)),
            ("gzip", () => InputFiles.GzipAsync(Path.Combine(_directory, "d.json.gz"), studies)),
            ("zip", () => InputFiles.ZipAsync(Path.Combine(_directory, "e.zip"), studies)),
            ("directory", () => InputFiles.FolderAsync(Path.Combine(_directory, "f"), studies)),
            ("stdin", () =>
            {
                stdin.FeedThroughPipe(Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", studies) + "\n]\n"));
                return Task.FromResult(StandardInputSource.Location);
            }),
        };

        Dictionary<string, string>? reference = null;
        foreach (var (name, write) in shapes)
        {
            var connection = await _database.CreateSiblingAsync();
            var result = await TestImporter.ImportAsync(connection, await write(), configure: s => s.AddSingleton<IStandardInput>(stdin));
            result.Status.ShouldBe(ImportStatus.Succeeded, $"{name}: {result.Error}");
            result.Written.ShouldBe(studies.Count, name);
            var checksums = await TableChecksums.OfContentAsync(connection);
            if (reference is null)
            {
                reference = checksums;
            }
            else
            {
                checksums.ShouldBe(reference, $"{name} differs from json-array");
            }
        }
    }
}
