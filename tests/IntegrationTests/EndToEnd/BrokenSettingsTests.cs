using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Every command with each broken setting, as a new user mistypes them: a command that connects to PostgreSQL exits 2 with
/// one line that names the setting; one that does not (sample, schema, import --dry-run) runs, after one warning line that
/// names the setting and says it is ignored. Never a stack trace, an exception's type or a password. None of these needs a
/// database: a wrong setting is found before one is asked.
/// </summary>
public sealed class BrokenSettingsTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=nowhere;Username=someone;Timeout=3";
    private const string Ignored = "; ignored, since this command does not connect to PostgreSQL";

    /// <summary>Every command that connects to the database, with what it needs besides the setting under test.</summary>
    public static readonly TheoryData<string[]> Commands = new(
        ["import", "studies.json"],
        ["import", "--from-api"],
        ["migrate"],
        ["runs"],
        ["stats"],
        ["export", "out.json"],
        ["history", "NCT00000001"]);

    /// <summary>Every command that never connects: a database setting is nothing to it.</summary>
    public static readonly TheoryData<string[]> OfflineCommands = new(
        ["import", "--dry-run", "studies.json"],
        ["schema"],
        ["sample", "-n", "1", "-o", "sample.json"]);

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

    public static TheoryData<string[], string[], string?, string?, string> EveryOfflineCommandWithEverySharedSetting()
    {
        var cases = new TheoryData<string[], string[], string?, string?, string>();
        foreach (var command in OfflineCommands)
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
        foreach (var command in Commands.Concat(OfflineCommands).Where(c => c.Data[0] == "import"))
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
    [MemberData(nameof(EveryOfflineCommandWithEverySharedSetting))]
    public async Task OfflineCommand_BrokenSharedSetting_RunsAfterOneWarningLine(string[] command, string[] extra, string? variable, string? value, string expected)
    {
        var (exitCode, output, error) = await RunAsync([.. command, .. extra], variable, value);

        exitCode.ShouldBe(ExitCodes.Success, error);
        error.ShouldStartWith("warning: ");
        error.ShouldContain(expected);
        error.TrimEnd().ShouldEndWith(Ignored);
        error.TrimEnd().Split('\n').Length.ShouldBe(1, error);
        CliRunner.ShouldHoldNoStackTrace(output + error);
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("sample")]
    [InlineData("import")]
    public async Task OfflineCommand_DbPortAbcAndAPassword_WarnsOnceAndNeverPrintsThePassword(string name)
    {
        string[] command = [.. OfflineCommands.Select(c => c.Data).Single(c => c[0] == name), "--connection", "Password=hunter2-secret;Port=abc"];
        var environment = new Dictionary<string, string> { ["DBPORT"] = "abc", ["DBPASSWORD"] = "hunter2-secret" };

        var (exitCode, output, error) = await RunAsync(command, environment);

        exitCode.ShouldBe(ExitCodes.Success, error);
        CliRunner.Lines(error).ShouldHaveSingleItem().ShouldStartWith("warning: the connection string cannot be used");
        (output + error).ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Schema_DbPortAbc_PrintsTheDataDictionaryOfTheSchemaGiven()
    {
        var (exitCode, output, error) = await RunAsync(["schema", "--schema", "trials_native"], "DBPORT", "abc");

        exitCode.ShouldBe(ExitCodes.Success, error);
        error.TrimEnd().ShouldBe("warning: DBPORT 'abc' is not a port number (1-65535)" + Ignored);
        output.ShouldStartWith("# Data dictionary: schema `trials_native`");
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

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? variable, string? value) =>
        RunAsync(args, variable is null ? [] : new Dictionary<string, string> { [variable] = value! });

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string> environment)
    {
        var directory = Directory.CreateTempSubdirectory("clinical-settings-").FullName;
        try
        {
            // A file that exists, so that the import's argument is fine and only the setting is wrong.
            var arguments = args.Select(a => a is "studies.json" or "out.json" or "sample.json" ? Path.Combine(directory, a) : a).ToArray();
            await File.WriteAllTextAsync(Path.Combine(directory, "studies.json"), "[]", TestContext.Current.CancellationToken);
            var console = new TestConsole().Width(200);
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = await CliApp.RunAsync(arguments, console, output, error, environment.GetValueOrDefault);
            return (exitCode, console.Output + output, error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
