using Clinical.Cli;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Every command with each broken setting, as a new user mistypes them: exit 2 and one line that names the setting, never
/// a stack trace or an exception's type. None of these needs a database: a wrong setting is found before one is asked.
/// </summary>
public sealed class BrokenSettingsTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=nowhere;Username=someone;Timeout=3";

    /// <summary>Every command, with what it needs besides the setting under test.</summary>
    public static readonly TheoryData<string[]> Commands = new(
        ["import", "studies.json"],
        ["import", "--dry-run", "-"],
        ["import", "--from-api"],
        ["migrate"],
        ["runs"],
        ["stats"],
        ["schema"],
        ["sample", "-n", "1", "-o", "-"]);

    /// <summary>The broken settings every command shares: (extra arguments, environment variable, its value, what the line names).</summary>
    public static readonly TheoryData<string[], string?, string?, string> SharedSettings = new()
    {
        { [], "DBPORT", "abc", "DBPORT 'abc' is not a port number" },
        { [], "DBPORT", "70000", "DBPORT '70000' is not a port number (1-65535)" },
        { [], "DBPORT", "0", "DBPORT '0' is not a port number (1-65535)" },
        { ["--connection", "Host=db;Colour=blue"], null, null, "'colour' is not a connection string keyword" },
        { ["--connection", "Host=db;Port=abc"], null, null, "the connection string cannot be used" },
        { ["--statement-timeout", "soon"], null, null, "--statement-timeout 'soon' is not a duration" },
        { [], "CLINICAL_STATEMENT_TIMEOUT", "an hour", "CLINICAL_STATEMENT_TIMEOUT 'an hour' is not a duration" },
    };

    /// <summary>The broken settings only <c>import</c> takes.</summary>
    public static readonly TheoryData<string[], string?, string?, string> ImportSettings = new()
    {
        { ["--batch-size", "0"], null, null, "--batch-size 0 is out of range: give 1 to 100,000." },
        { ["--batch-size", "lots"], null, null, "--batch-size 'lots' is not a whole number." },
        { ["--writers", "99"], null, null, "--writers 99 is out of range: give 1 to 16." },
        { ["--since", "last tuesday"], null, null, "--since 'last tuesday' is not a date: give YYYY-MM-DD" },
        { ["--since", "2024-13-45"], null, null, "--since '2024-13-45' is not a date: give YYYY-MM-DD" },
        { ["--max-study-mb", "0"], null, null, "--max-study-mb 0 is out of range: give 1 to 1,024." },
        { [], "CLINICAL_MAX_STUDY_MB", "huge", "CLINICAL_MAX_STUDY_MB 'huge' is not a size in MB" },
        { ["--api-rate", "-1"], null, null, "--api-rate -1 is out of range: give 1 to 600." },
    };

    public static TheoryData<string[], string[], string?, string?, string> EveryCommandWithEverySharedSetting()
    {
        var cases = new TheoryData<string[], string[], string?, string?, string>();
        foreach (var command in Commands)
        {
            foreach (var setting in SharedSettings)
            {
                cases.Add(command.Data, setting.Data.Item1, setting.Data.Item2, setting.Data.Item3, setting.Data.Item4);
            }
        }

        return cases;
    }

    public static TheoryData<string[], string[], string?, string?, string> ImportWithEveryImportSetting()
    {
        var cases = new TheoryData<string[], string[], string?, string?, string>();
        foreach (var command in Commands.Where(c => c.Data[0] == "import"))
        {
            foreach (var setting in ImportSettings)
            {
                cases.Add(command.Data, setting.Data.Item1, setting.Data.Item2, setting.Data.Item3, setting.Data.Item4);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryCommandWithEverySharedSetting))]
    public async Task Command_BrokenSharedSetting_ExitsTwoWithOneLineAndNoStackTrace(string[] command, string[] extra, string? variable, string? value, string expected)
    {
        var (exitCode, output, error) = await RunAsync([.. command, .. extra], variable, value);

        AssertOneClearLine(exitCode, output, error, expected);
    }

    [Theory]
    [MemberData(nameof(ImportWithEveryImportSetting))]
    public async Task Import_BrokenImportSetting_ExitsTwoWithOneLineAndNoStackTrace(string[] command, string[] extra, string? variable, string? value, string expected)
    {
        var (exitCode, output, error) = await RunAsync([.. command, .. extra, "--connection", Unreachable], variable, value);

        AssertOneClearLine(exitCode, output, error, expected);
    }

    private static void AssertOneClearLine(int exitCode, string output, string error, string expected)
    {
        exitCode.ShouldBe(ExitCodes.InvalidInput, error);
        error.ShouldStartWith("error: ");
        error.ShouldContain(expected);
        error.TrimEnd().Split('\n').Length.ShouldBe(1, error);
        (output + error).ShouldNotContain("   at ");
        (output + error).ShouldNotContain("Exception:");
        (output + error).ShouldNotContain("System.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? variable, string? value)
    {
        var directory = Directory.CreateTempSubdirectory("clinical-settings-").FullName;
        try
        {
            // A file that exists, so that the import's argument is fine and only the setting is wrong.
            var arguments = args.Select(a => a == "studies.json" ? Path.Combine(directory, a) : a).ToArray();
            await File.WriteAllTextAsync(Path.Combine(directory, "studies.json"), "[]", TestContext.Current.CancellationToken);
            var console = new TestConsole().Width(200);
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = await CliApp.RunAsync(arguments, console, output, error, name => name == variable ? value : null);
            return (exitCode, console.Output + output, error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
