namespace Clinical.Tests.Shared;

/// <summary>
/// Finds ../shared (read-only reference data next to the repository) from the test's output folder. One file, compiled
/// into both test projects.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Directory = new(Locate);

    public static string CtgovDirectory => Path.Combine(Directory.Value, "ctgov");

    public static string RealStudiesPath => Path.Combine(CtgovDirectory, "real-studies.json");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "ctgov", "real-studies.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/ctgov/real-studies.json above {AppContext.BaseDirectory}: the tests need ../shared next to the repository.");
    }
}
