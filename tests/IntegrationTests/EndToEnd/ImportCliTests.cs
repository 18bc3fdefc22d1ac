using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>The command line as a user runs it: exit codes, messages, and no password in any output.</summary>
public sealed class ImportCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Secret = "s3cr3t-Pa55word";
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_RealStudies_ExitsZeroAndPrintsTheSummaryWithoutThePassword()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();

        var (exitCode, output, error) = await RunAsync("import", TestFixtures.RealStudiesPath, "--connection", ConnectionWithPassword());

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain("studies read");
        output.ShouldContain("200");
        (output + error).ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Import_FileWithARejectedStudy_ExitsThree()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(_directory, "one-bad.json");
        await File.WriteAllTextAsync(path, """[{"protocolSection":{"identificationModule":{"nctId":"NOT-AN-ID","briefTitle":"x"}}}]""", TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await RunAsync("import", path, "--connection", ConnectionWithPassword());

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects);
        output.ShouldContain("rejected");
    }

    [Fact]
    public async Task Import_RootIsAScalar_ExitsTwoNamingTheProblem()
    {
        _database.RequireAvailable();
        var path = Path.Combine(_directory, "scalar.json");
        await File.WriteAllTextAsync(path, "42", TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await RunAsync("import", path, "--connection", ConnectionWithPassword());

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        (output + error).ShouldContain("root is a JSON number");
    }

    [Fact]
    public async Task Import_RootIsAnObjectThatIsNoStudy_QuarantinesItAndExitsThree()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(_directory, "object.json");
        await File.WriteAllTextAsync(path, """{"foo": 1}""", TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await RunAsync("import", path, "--connection", ConnectionWithPassword());

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects);
        output.ShouldContain("rejected");
    }

    [Fact]
    public async Task Import_DryRunWithJson_PrintsTheCountsAndWritesNothing()
    {
        var (exitCode, output, _) = await RunAsync("import", TestFixtures.RealStudiesPath, "--dry-run", "--json", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u");

        exitCode.ShouldBe(ExitCodes.Success);
        var summary = System.Text.Json.JsonDocument.Parse(output).RootElement;
        summary.GetProperty("read").GetInt64().ShouldBe(200);
        summary.GetProperty("written").GetInt64().ShouldBe(200);
        summary.GetProperty("status").GetString().ShouldBe("Succeeded");
    }

    [Fact]
    public async Task RunsAndStats_AfterAnImport_ShowTheRunAndTheCounts()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await RunAsync("import", TestFixtures.RealStudiesPath, "--quiet", "--connection", _database.ConnectionString);

        var (runsExit, runs, _) = await RunAsync("runs", "--json", "--connection", _database.ConnectionString);
        var (statsExit, stats, _) = await RunAsync("stats", "--all", "--connection", _database.ConnectionString);

        runsExit.ShouldBe(ExitCodes.Success);
        var run = System.Text.Json.JsonDocument.Parse(runs).RootElement[0];
        run.GetProperty("status").GetString().ShouldBe("succeeded");
        run.GetProperty("written").GetInt64().ShouldBe(200);
        statsExit.ShouldBe(ExitCodes.Success);
        stats.ShouldContain("Studies by overall status");
        stats.ShouldContain("COMPLETED");
        stats.ShouldContain("locations");
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwoWithoutTouchingTheDatabase()
    {
        var (exitCode, _, error) = await RunAsync("import", Path.Combine(_directory, "missing.json"), "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=" + Secret);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain("does not exist");
        error.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Import_UnreachableDatabase_ExitsFourNamingHostPortAndDatabaseButNotThePassword()
    {
        var (exitCode, _, error) = await RunAsync("import", TestFixtures.RealStudiesPath, "--connection", $"Host=127.0.0.1;Port=1;Database=nowhere;Username=someone;Password={Secret};Timeout=3");

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable);
        error.ShouldContain("127.0.0.1:1/nowhere");
        error.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Import_DirectoryWithoutStudyFiles_ExitsTwo()
    {
        _database.RequireAvailable();

        var (exitCode, output, error) = await RunAsync("import", _directory, "--connection", _database.ConnectionString);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        (output + error).ShouldContain("holds no study files");
    }

    [Fact]
    public async Task Import_SslModeInTheConnectionString_PassesThroughToNpgsql()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var disabled = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { SslMode = SslMode.Disable }.ConnectionString;
        var required = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { SslMode = SslMode.Require }.ConnectionString;

        var (plain, _, _) = await RunAsync("import", TestFixtures.RealStudiesPath, "--connection", disabled);
        var (tls, _, error) = await RunAsync("import", TestFixtures.RealStudiesPath, "--connection", required);

        plain.ShouldBe(ExitCodes.Success);
        tls.ShouldBe(ExitCodes.DatabaseUnavailable); // the test server has no TLS: Require must be honoured, not ignored
        error.ShouldContain("SSL", Case.Insensitive);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsTwo()
    {
        var (exitCode, _, error) = await RunAsync("import", "--no-such-option");

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain("--no-such-option");
    }

    private string ConnectionWithPassword() => new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Password = Secret }.ConnectionString;

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, console, output, error);
        return (exitCode, console.Output + output, error.ToString());
    }
}
