using System.Text.Json;
using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// What a user of the original tool or of a shell meets first: <c>--version</c>, <c>clinical import</c> with no input
/// reading ./ctg-studies.json as <c>python main.py</c> did, and the completions System.CommandLine offers.
/// </summary>
public sealed class ShippingCliTests : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-ship-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Version_Asked_PrintsTheVersionAndTheCommit()
    {
        var (exitCode, output) = await RunInProcessAsync("--version");

        exitCode.ShouldBe(ExitCodes.Success);
        output.Trim().ShouldBe(ToolVersion.Text);
        ToolVersion.Text.ShouldStartWith($"clinical {ToolVersion.Version} (commit ");
        ToolVersion.Version.ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task Import_NoInputAndCtgStudiesJsonHere_ReadsItAndSaysSo()
    {
        await using (var file = File.Create(Path.Combine(_directory, "ctg-studies.json")))
        {
            new SampleStudyGenerator().WriteArray(file, 7, seed: 3, TestContext.Current.CancellationToken);
        }

        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet", [Cli, "import", "--dry-run", "--json"], workingDirectory: _directory);

        exitCode.ShouldBe(ExitCodes.Success, error);
        error.ShouldContain("no input named: reading ./ctg-studies.json from the working directory, as the original tool did");
        JsonDocument.Parse(output).RootElement.GetProperty("read").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task Import_NoInputAndNoCtgStudiesJson_ExitsTwoWithOneLine()
    {
        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet", [Cli, "import", "--dry-run"], workingDirectory: _directory);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.Trim().ShouldBe($"error: no input named, and there is no ctg-studies.json in the working directory ({new DirectoryInfo(_directory).FullName}): name a file, - for stdin, or use --from-api.");
        output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Suggest_Root_ListsEveryCommand()
    {
        var (exitCode, output) = await RunInProcessAsync("[suggest]");

        exitCode.ShouldBe(ExitCodes.Success);
        var suggestions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        new[] { "import", "migrate", "runs", "sample", "schema", "stats", "--version", "--help" }.ShouldBeSubsetOf(suggestions);
    }

    [Fact]
    public async Task Suggest_PartialWord_CompletesTheCommand()
    {
        var (exitCode, output) = await RunInProcessAsync("[suggest:3]", "sta");

        exitCode.ShouldBe(ExitCodes.Success);
        var suggestions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        suggestions.ShouldContain("stats");
        suggestions.ShouldNotContain("import");
    }

    private static async Task<(int ExitCode, string Output)> RunInProcessAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, console, output, error, _ => null);
        return (exitCode, console.Output + output + error);
    }
}
