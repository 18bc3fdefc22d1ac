using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clinical.Cli;
using Clinical.IntegrationTests.Infrastructure.Api;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The orchestrators of docs/scheduling.md cannot be installed here, so each example's exact <c>clinical</c> command line
/// (read from the document, the scheduler's date template filled in) runs against the stand-in API, with the connection
/// from the PG* variables as the examples have it: the exit codes and the JSON fields the examples rely on are checked.
/// </summary>
public sealed partial class SchedulingExamplesTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string BadStudy = """{"protocolSection":{"identificationModule":{"nctId":"NOT-AN-NCT-NUMBER"}}}""";
    private static readonly string Since = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private readonly PostgresDatabase _database = database;

    public static TheoryData<string> Examples => ["cron", "systemd timer", "Airflow", "Prefect"];

    [Fact]
    public void Document_EveryExample_HasOneClinicalCommandLine()
    {
        CommandLines().Keys.ShouldBe(["cron", "systemd timer", "Airflow", "Prefect"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_CommandLineAgainstTheApi_ExitsZeroThenThreeWithTheJsonFieldsItReads(string example)
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(5).ToList();
        var arguments = Arguments(CommandLines()[example]);

        await using var clean = new FakeClinicalTrialsApi(studies);
        var (cleanExit, cleanJson, cleanError) = await RunAsync([.. arguments, "--api-url", clean.BaseUrl]);
        await using var withBadStudy = new FakeClinicalTrialsApi([.. studies, BadStudy]);
        var (rejectExit, rejectJson, rejectError) = await RunAsync([.. arguments, "--api-url", withBadStudy.BaseUrl]);

        arguments.ShouldContain("--json");
        clean.Requests.ShouldAllBe(request => request.Contains(Since, StringComparison.Ordinal));
        cleanExit.ShouldBe(ExitCodes.Success, cleanError);
        var first = JsonDocument.Parse(cleanJson).RootElement;
        (first.GetProperty("read").GetInt64(), first.GetProperty("written").GetInt64(), first.GetProperty("rejected").GetInt64()).ShouldBe((5, 5, 0));
        first.GetProperty("status").GetString().ShouldBe("Succeeded");
        first.GetProperty("run_id").GetInt64().ShouldBe(await LastRunIdAsync() - 1);
        rejectExit.ShouldBe(ExitCodes.CompletedWithRejects, rejectError);
        var second = JsonDocument.Parse(rejectJson).RootElement;
        (second.GetProperty("read").GetInt64(), second.GetProperty("unchanged").GetInt64(), second.GetProperty("rejected").GetInt64()).ShouldBe((6, 5, 1));
    }

    /// <summary>Each example's <c>clinical import … --json</c> command line, by the section it is in.</summary>
    private static Dictionary<string, string> CommandLines()
    {
        var document = File.ReadAllText(PostgresServer.RepositoryFile("docs/scheduling.md")!);
        return SectionPattern().Matches(document).ToDictionary(
            section => section.Groups["title"].Value.Trim(),
            section => CommandPattern().Matches(section.Groups["body"].Value).Single().Value);
    }

    /// <summary>The command line as the scheduler runs it on the day after <see cref="Since"/>, split into arguments.</summary>
    private static string[] Arguments(string commandLine)
    {
        var filled = commandLine
            .Replace("\"$(date -u -d yesterday -I)\"", Since, StringComparison.Ordinal)
            .Replace("{{ ds }}", Since, StringComparison.Ordinal)
            .Replace("{since}", Since, StringComparison.Ordinal);
        filled.IndexOfAny(['$', '{', '"', '\'']).ShouldBe(-1, $"a template the test does not fill: {commandLine}");
        var words = filled.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        words[0].ShouldBe("clinical");
        return words[1..];
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        var connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        var variables = new Dictionary<string, string>
        {
            ["PGHOST"] = connection.Host!,
            ["PGPORT"] = $"{connection.Port}",
            ["PGUSER"] = connection.Username!,
            ["PGDATABASE"] = connection.Database!,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new TestConsole(), output, error, name => variables.GetValueOrDefault(name));
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task<long> LastRunIdAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT max(run_id) FROM {Clinical.Infrastructure.DatabaseSchema.Default.Qualified("import_runs")}", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [GeneratedRegex(@"^## (?<title>[^\n]+)\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"clinical import [^\n']*?--json")]
    private static partial Regex CommandPattern();
}
