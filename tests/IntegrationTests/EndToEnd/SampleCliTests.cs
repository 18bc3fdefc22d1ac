using System.Diagnostics;
using Clinical.Application.Studies.Import;
using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary><c>clinical sample</c> as a user runs it, and the sample it writes loading cleanly.</summary>
public sealed class SampleCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-sample-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Sample_ToFile_WritesTheStudiesOfTheSeedAndSaysSo()
    {
        // Arrange
        var path = Path.Combine(_directory, "sample.json");

        // Act
        var (exitCode, output) = await RunAsync("sample", "-n", "25", "--seed", "5", "-o", path);

        // Assert
        exitCode.ShouldBe(ExitCodes.Success, output);
        output.ShouldContain($"wrote 25 synthetic studies to {path}");
        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(Generate(25, seed: 5));
    }

    [Fact]
    public async Task Sample_ToStandardOutput_WritesOnlyTheJsonArray()
    {
        // Arrange
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "sample", "-n", "3", "--seed", "9", "-o", "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };

        // Act
        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.BaseStream.CopyToAsync(stdout, TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert
        process.ExitCode.ShouldBe(ExitCodes.Success, await error);
        stdout.ToArray().ShouldBe(Generate(3, seed: 9));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10000000")]
    public async Task Sample_StudiesOutOfRange_ExitsTwoAndWritesNothing(string studies)
    {
        // Arrange
        var path = Path.Combine(_directory, "sample.json");

        // Act
        var (exitCode, output) = await RunAsync("sample", "-n", studies, "-o", path);

        // Assert
        exitCode.ShouldBe(ExitCodes.InvalidInput);
        output.ShouldContain("error: --studies must be between 1 and 9,999,999.");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_GeneratedSample_LoadsEveryStudyWithoutRejectsWarningsOrDrift()
    {
        // Arrange
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(_directory, "sample.json");
        await File.WriteAllBytesAsync(path, Generate(400, seed: 3), TestContext.Current.CancellationToken);

        // Act
        var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

        // Assert
        result.Status.ShouldBe(ImportStatus.Succeeded, result.Error);
        (result.Read, result.Written, result.Rejected).ShouldBe((400, 400, 0));
        result.WarningsByRule.ShouldBeEmpty();
        result.UnknownPaths.ShouldBeEmpty();
    }

    private static byte[] Generate(int count, int seed)
    {
        using var stream = new MemoryStream();
        new SampleStudyGenerator().WriteArray(stream, count, seed, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, console, output, error);
        return (exitCode, console.Output + output + error);
    }
}
