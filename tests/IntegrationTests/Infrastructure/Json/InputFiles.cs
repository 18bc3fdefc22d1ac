using System.IO.Compression;
using System.Text;

namespace Clinical.IntegrationTests.Infrastructure.Json;

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
