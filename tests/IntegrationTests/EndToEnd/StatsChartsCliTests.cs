using System.Text.Json;
using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary><c>clinical stats</c> on the 200 real studies: charts first, the tables behind --all, and the JSON complete.</summary>
public sealed class StatsChartsCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] ChartTitles =
    [
        "Studies by overall status", "Studies by phase", "Studies by first-posted year", "Share with results",
        "Top conditions (studies)", "Top countries (studies with a site there)", "Quarantine by reason", "Findings by rule (data kept, rule broken)",
    ];

    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Stats_RealStudies_LeadsWithChartsAndKeepsTheTablesBehindAll()
    {
        await ImportRealStudiesAsync();

        var (exitCode, charts) = await RunAsync("stats");
        var (allExit, all) = await RunAsync("stats", "--all");

        exitCode.ShouldBe(ExitCodes.Success);
        foreach (var title in ChartTitles)
        {
            charts.ShouldContain(title);
        }

        charts.ShouldContain("█");
        charts.ShouldContain($"with results: {await ScalarAsync("SELECT count(*) FROM {0} WHERE has_results", "studies")} (");
        charts.ShouldContain($"United States  ");
        charts.ShouldNotContain("Rows per table");
        allExit.ShouldBe(ExitCodes.Success);
        all.ShouldContain("Rows per table");
        all.IndexOf("Rows per table", StringComparison.Ordinal).ShouldBeGreaterThan(all.IndexOf("Top countries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_Json_KeepsEveryEarlierFieldAndAddsTheChartsData()
    {
        await ImportRealStudiesAsync();

        var (exitCode, json) = await RunAsync("stats", "--json");

        exitCode.ShouldBe(ExitCodes.Success);
        var root = JsonDocument.Parse(json).RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "rows_per_table", "studies_by_status", "studies_by_phase", "quarantine_reasons", "findings_by_rule",
            "studies_by_first_posted_year", "studies_by_results", "top_conditions", "top_countries",
        ]);
        Sum(root, "studies_by_status").ShouldBe(200);
        Sum(root, "studies_by_results").ShouldBe(200);
        Sum(root, "studies_by_first_posted_year").ShouldBe(200);
        root.GetProperty("rows_per_table").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "studies").GetProperty("value").GetInt64().ShouldBe(200);
        var country = root.GetProperty("top_countries")[0];
        country.GetProperty("value").GetInt64().ShouldBe(await ScalarAsync(
            $"SELECT count(DISTINCT nct_id) FROM {{0}} WHERE country = '{country.GetProperty("key").GetString()!.Replace("'", "''", StringComparison.Ordinal)}'", "locations"));
        root.GetProperty("top_conditions").GetArrayLength().ShouldBe(10);
    }

    private static long Sum(JsonElement root, string name) => root.GetProperty(name).EnumerateArray().Sum(p => p.GetProperty("value").GetInt64());

    private async Task ImportRealStudiesAsync()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var (exitCode, output) = await RunAsync("import", TestFixtures.RealStudiesPath, "--quiet");
        exitCode.ShouldBe(ExitCodes.Success, output);
    }

    private async Task<long> ScalarAsync(string sql, string table)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, DatabaseSchema.Default.Qualified(table)), connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(120);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--connection", _database.ConnectionString], console, output, error, _ => null);
        return (exitCode, console.Output + output + error);
    }
}
