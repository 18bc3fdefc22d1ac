using System.IO.Compression;

namespace Clinical.Tests.Shared;

/// <summary>
/// The repository's own test data, <c>tests/fixtures</c> (see its README for the sources), found from the test's output
/// folder by walking up to the repository. The 200 real studies are stored gzip-compressed and decompressed once into
/// the output folder, since most tests hand the importer a path. One file, compiled into both test projects.
/// </summary>
internal static class TestFixtures
{
    private static readonly Lazy<string> Root = new(Locate);

    private static readonly Lazy<string> RealStudies = new(Decompress);

    /// <summary>The 200 real ClinicalTrials.gov v2 studies (43 with results) in the website download's shape.</summary>
    public static string RealStudiesPath => RealStudies.Value;

    /// <summary>The API's field metadata (<c>/api/v2/studies/metadata</c>).</summary>
    public static string MetadataPath => Path.Combine(Root.Value, "ctgov", "ctg-studies-metadata.json");

    /// <summary>The field list whose "Enum types" section gives every enum type's values.</summary>
    public static string FieldsPath => Path.Combine(Root.Value, "ctgov", "FIELDS.md");

    /// <summary>Every column of AACT's study tables with its type and nullability, from AACT's own DDL.</summary>
    public static string AactColumnsPath => Path.Combine(Root.Value, "aact", "aact-columns.tsv");

    /// <summary>AACT-style queries that must give the same answers on PostgreSQL and on an exported DuckDB file.</summary>
    public static string AactQueriesPath => Path.Combine(Root.Value, "aact", "queries.sql");

    private static string CompressedRealStudiesPath => Path.Combine(Root.Value, "ctgov", "real-studies.json.gz");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (File.Exists(Path.Combine(candidate, "ctgov", "real-studies.json.gz")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/fixtures/ctgov/real-studies.json.gz above {AppContext.BaseDirectory}: run the tests from within the repository.");
    }

    /// <summary>
    /// The studies decompressed into this test project's output folder, again only when the archive is newer. Written to a
    /// temporary name and moved into place, so a concurrent run of the same project never reads half a file.
    /// </summary>
    private static string Decompress()
    {
        var source = CompressedRealStudiesPath;
        var target = Path.Combine(AppContext.BaseDirectory, "fixtures", "real-studies.json");
        if (File.Exists(target) && File.GetLastWriteTimeUtc(target) >= File.GetLastWriteTimeUtc(source))
        {
            return target;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        using (var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress))
        using (var output = File.Create(temporary))
        {
            input.CopyTo(output);
        }

        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
