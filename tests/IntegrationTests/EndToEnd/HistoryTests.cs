using System.Text.Json;
using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// History through the command line, on the 200 real studies: an unchanged re-import keeps nothing; 10 studies changed
/// (status, a primary outcome's measure, a location removed, a new lastUpdatePostDate) keep their previous version; a
/// --full file without 2 of them records the deletions; history --diff, the SQL views and export --as-of give it back.
/// </summary>
public sealed class HistoryTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string ChangedOn = "2026-06-15";
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-history-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_TenChangedThenFullWithoutTwo_KeepsVersionsDiffsDeletesAndAsOfExports()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var (changedPath, fullPath, changed) = await WriteFilesAsync();
        var deleted = changed[^2..];
        (await CliAsync("import", TestFixtures.RealStudiesPath, "-q")).ExitCode.ShouldBe(0);
        var before = await CliAsync("export", Path.Combine(_directory, "before.ndjson"), "--ndjson", "-q");

        (await CliAsync("import", TestFixtures.RealStudiesPath, "-q")).ExitCode.ShouldBe(0);
        var afterUnchanged = await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("study_versions")}");
        (await CliAsync("import", changedPath, "-q")).ExitCode.ShouldBe(0);
        var afterChanged = await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("study_versions")}");
        (await CliAsync("import", fullPath, "--full", "-q")).ExitCode.ShouldBe(0);

        before.ExitCode.ShouldBe(0);
        afterUnchanged.ShouldBe(0);
        afterChanged.ShouldBe(10);
        (await ScalarAsync<string>($"SELECT string_agg(state || ':' || n, ',' ORDER BY state) FROM (SELECT state, count(*) n FROM {DatabaseSchema.Default.Qualified("study_versions")} GROUP BY state) c"))
            .ShouldBe("present:12");
        (await ScalarAsync<string>($"SELECT string_agg(version || ':' || state || ':' || is_current, ',' ORDER BY version) FROM {DatabaseSchema.Default.Qualified("study_history")} WHERE nct_id = '{deleted[0]}'"))
            .ShouldBe("1:present:false,2:present:false,3:deleted:true");
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("status_changes")} WHERE to_status = 'TERMINATED' AND changed_on = '{ChangedOn}'")).ShouldBe(10);
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("primary_outcome_changes")} WHERE new_primary_outcomes->0->>'measure' LIKE 'Changed: %'")).ShouldBe(10);

        var history = await CliAsync("history", changed[0], "--diff", "--json");
        history.ExitCode.ShouldBe(0, history.Error);
        var versions = JsonDocument.Parse(history.Output).RootElement[0].GetProperty("versions");
        versions.GetArrayLength().ShouldBe(2);
        versions[1].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("path").GetString()).Order(StringComparer.Ordinal).ShouldBe(
        [
            "protocolSection.contactsLocationsModule.locations[1]",
            "protocolSection.outcomesModule.primaryOutcomes[0].measure",
            "protocolSection.statusModule.lastUpdatePostDateStruct.date",
            "protocolSection.statusModule.overallStatus",
        ]);
        var text = await CliAsync("history", changed[0], "--diff");
        text.Output.ShouldContain("protocolSection.statusModule.overallStatus: ");
        text.Output.ShouldContain(" → TERMINATED");
        text.Output.ShouldContain($"protocolSection.statusModule.lastUpdatePostDateStruct.date: ");
        (await CliAsync("history", deleted[0])).Output.ShouldContain($"version 3: deleted (absent from the --full file of run 4)");

        // Every real study was last posted before 2026 (the latest on 2025-12-02): on 2026-01-01 all 200 stood as first imported.
        var asOfBefore = await CliAsync("export", Path.Combine(_directory, "as-of-2026.ndjson"), "--ndjson", "--as-of", "2026-01-01", "-q");
        var now = await CliAsync("export", Path.Combine(_directory, "now.ndjson"), "--ndjson", "-q");
        var asOfToday = await CliAsync("export", Path.Combine(_directory, "as-of-today.ndjson"), "--ndjson", "--as-of", $"{DateTime.UtcNow:yyyy-MM-dd}", "-q");
        (asOfBefore.ExitCode, now.ExitCode, asOfToday.ExitCode).ShouldBe((0, 0, 0));
        var exported = await File.ReadAllLinesAsync(Path.Combine(_directory, "as-of-2026.ndjson"), TestContext.Current.CancellationToken);
        exported.Length.ShouldBe(200);
        exported.ShouldBe(await File.ReadAllLinesAsync(Path.Combine(_directory, "before.ndjson"), TestContext.Current.CancellationToken));
        var current = await File.ReadAllLinesAsync(Path.Combine(_directory, "now.ndjson"), TestContext.Current.CancellationToken);
        current.Length.ShouldBe(198);
        (await File.ReadAllLinesAsync(Path.Combine(_directory, "as-of-today.ndjson"), TestContext.Current.CancellationToken)).ShouldBe(current);

        // Only the 2 deleted studies have more than one kept version: --keep 1 drops their first.
        (await CliAsync("history", "prune", "--keep", "1")).Output.ShouldContain("2 versions deleted");
        (await ScalarAsync<string>($"SELECT string_agg(version::text, ',' ORDER BY version) FROM {DatabaseSchema.Default.Qualified("study_history")} WHERE nct_id = '{deleted[0]}'")).ShouldBe("2,3");
    }

    [Fact]
    public async Task Import_ChangedWithNoHistoryThenBack_KeepsVersionsOnlyWithHistoryAndPruneBeforeDeletesThem()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var (changedPath, _, changed) = await WriteFilesAsync();
        (await CliAsync("import", TestFixtures.RealStudiesPath, "-q")).ExitCode.ShouldBe(0);

        (await CliAsync("import", changedPath, "--no-history", "-q")).ExitCode.ShouldBe(0);
        var withoutHistory = await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("study_versions")}");
        (await CliAsync("import", TestFixtures.RealStudiesPath, "-q")).ExitCode.ShouldBe(0);
        var back = await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("study_versions")} WHERE replaced_in_run = 3");
        var keepOne = await CliAsync("history", "prune", "--keep", "1");
        var beforeTomorrow = await CliAsync("history", "prune", "--before", $"{DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        var bad = await CliAsync("history", "prune");

        withoutHistory.ShouldBe(0);
        back.ShouldBe(10);
        keepOne.Output.ShouldContain("0 versions deleted");
        beforeTomorrow.ExitCode.ShouldBe(0, beforeTomorrow.Error);
        beforeTomorrow.Output.ShouldContain("10 versions deleted");
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("study_versions")}")).ShouldBe(0);
        (await CliAsync("history", changed[0], "--json")).Output.ShouldContain("\"version\": 1");
        bad.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        bad.Error.ShouldContain("Say what to prune: --keep N");
    }

    [Fact]
    public async Task Import_DeletedByFullThenBack_KeepsTheDeletedStateAndTheStudyAsItCameBack()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var (changedPath, fullPath, changed) = await WriteFilesAsync();
        var deleted = changed[^2..];
        (await CliAsync("import", TestFixtures.RealStudiesPath, "-q")).ExitCode.ShouldBe(0);
        var before = await CliAsync("export", Path.Combine(_directory, "before.ndjson"), "--ndjson", "--nct", deleted[0], "-q");
        (await CliAsync("import", fullPath, "--full", "-q")).ExitCode.ShouldBe(0);

        // Back, changed: the deleted state is kept (no content), the study is stored again as the changed file has it.
        (await CliAsync("import", changedPath, "-q")).ExitCode.ShouldBe(0);

        before.ExitCode.ShouldBe(0, before.Error);
        var versions = DatabaseSchema.Default.Qualified("study_versions");
        (await ScalarAsync<string>($"SELECT string_agg(version || ':' || state || ':' || is_current, ',' ORDER BY version) FROM {DatabaseSchema.Default.Qualified("study_history")} WHERE nct_id = '{deleted[0]}'"))
            .ShouldBe("1:present:false,2:deleted:false,3:present:true");
        (await ScalarAsync<string>($"SELECT string_agg(state || ':' || (content IS NULL), ',' ORDER BY version) FROM {versions} WHERE nct_id = '{deleted[0]}'"))
            .ShouldBe("present:false,deleted:true");
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("studies")} WHERE deleted_in_run IS NOT NULL")).ShouldBe(0);
        (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("status_changes")} WHERE nct_id = ANY('{{{string.Join(',', deleted)}}}') AND to_status = 'TERMINATED'")).ShouldBe(2);

        // The first version, exported as of a day before the change, is the study as first imported.
        var asOf = await CliAsync("export", Path.Combine(_directory, "as-of.ndjson"), "--ndjson", "--nct", deleted[0], "--as-of", "2026-01-01", "-q");
        asOf.ExitCode.ShouldBe(0, asOf.Error);
        (await File.ReadAllLinesAsync(Path.Combine(_directory, "as-of.ndjson"), TestContext.Current.CancellationToken))
            .ShouldBe(await File.ReadAllLinesAsync(Path.Combine(_directory, "before.ndjson"), TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The real studies with 10 of them changed (a file that differs from the download in those 10 lines only), and the
    /// same without the last 2 changed ones (for --full).
    /// </summary>
    private async Task<(string Changed, string Full, string[] ChangedIds)> WriteFilesAsync()
    {
        var lines = await File.ReadAllLinesAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken);
        var ids = new List<string>();
        var removed = new HashSet<int>();
        for (var i = 0; i < lines.Length && ids.Count < 10; i++)
        {
            var text = lines[i].TrimEnd(',');
            if (!text.StartsWith('{') || System.Text.Json.Nodes.JsonNode.Parse(text) is not System.Text.Json.Nodes.JsonObject study
                || study["protocolSection"]!["contactsLocationsModule"]?["locations"] is not System.Text.Json.Nodes.JsonArray { Count: >= 3 } locations
                || study["protocolSection"]!["outcomesModule"]?["primaryOutcomes"]?[0] is not { } outcome
                || study["protocolSection"]!["statusModule"]!["overallStatus"]!.GetValue<string>() == "TERMINATED"
                || string.CompareOrdinal(study["protocolSection"]!["statusModule"]!["startDateStruct"]?["date"]?.GetValue<string>() ?? "9", ChangedOn) >= 0)
            {
                continue;
            }

            var status = study["protocolSection"]!["statusModule"]!;
            status["overallStatus"] = "TERMINATED";
            status["lastUpdatePostDateStruct"]!["date"] = ChangedOn;
            outcome["measure"] = $"Changed: {outcome["measure"]!.GetValue<string>()}";
            locations.RemoveAt(1);
            lines[i] = study.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + (lines[i].EndsWith(',') ? "," : string.Empty);
            ids.Add(study["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>());
            if (ids.Count > 8)
            {
                removed.Add(i);
            }
        }

        ids.Count.ShouldBe(10);
        var changedPath = Path.Combine(_directory, "changed.json");
        await File.WriteAllLinesAsync(changedPath, lines, TestContext.Current.CancellationToken);
        var kept = lines.Where((_, i) => !removed.Contains(i)).ToList();
        kept[^2] = kept[^2].TrimEnd(','); // the last study before "]" (none of the removed is last in the real file's order)
        var fullPath = Path.Combine(_directory, "full.json");
        await File.WriteAllLinesAsync(fullPath, kept, TestContext.Current.CancellationToken);
        return (changedPath, fullPath, [.. ids]);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--connection", _database.ConnectionString], console, output, error);
        return (exitCode, console.Output + output, error.ToString());
    }
}
