using System.Diagnostics;
using Clinical.Cli;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>A file the user may not read: a clear message and exit 2. Root reads everything, so as root the CLI runs as "postgres".</summary>
public sealed class UnreadableFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-unreadable-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Import_FileWithoutReadPermission_ExitsTwoSayingPermissionDenied()
    {
        var path = Path.Combine(_directory, "secret.json");
        await File.WriteAllTextAsync(path, "[]", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.None);
        File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var asRoot = Environment.UserName == "root";
        Assert.SkipWhen(asRoot && !File.ReadAllText("/etc/passwd").Contains("\npostgres:", StringComparison.Ordinal), "as root, the test needs the postgres user to be denied the read");
        ProcessStartInfo start = asRoot
            ? new("runuser", ["-u", "postgres", "--", "dotnet", cli, "import", path, "--dry-run"])
            : new("dotnet", [cli, "import", path, "--dry-run"]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(ExitCodes.InvalidInput, error);
        error.ShouldContain("permission denied");
        error.ShouldContain(path);
    }
}
