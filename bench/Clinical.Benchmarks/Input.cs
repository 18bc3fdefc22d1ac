namespace Clinical.Benchmarks;

/// <summary>The benchmark input: ../shared's 200 real studies when present, else a synthetic sample written once.</summary>
internal static class Input
{
    public static string Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var real = System.IO.Path.Combine(dir.FullName, "shared", "ctgov", "real-studies.json");
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
