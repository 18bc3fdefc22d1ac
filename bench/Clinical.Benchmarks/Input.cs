namespace Clinical.Benchmarks;

/// <summary>
/// The benchmark input: the repository's 200 real studies (tests/fixtures, gzip: the file source reads it as it is) when
/// run from within the repository, else a synthetic sample written once.
/// </summary>
internal static class Input
{
    public static string Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var real = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "ctgov", "real-studies.json.gz");
            if (File.Exists(real))
            {
                return real;
            }
        }

        var synthetic = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "clinical-benchmark-sample.json");
        if (!File.Exists(synthetic))
        {
            using var file = File.Create(synthetic);
            new SampleGenerator.SampleStudyGenerator().WriteArray(file, 200, Application.Samples.WriteSampleCommand.DefaultSeed, CancellationToken.None);
        }

        return synthetic;
    }
}
