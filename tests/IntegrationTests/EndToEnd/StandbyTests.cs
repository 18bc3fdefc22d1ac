using Clinical.Cli;
using Clinical.IntegrationTests.TestData;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// A streaming hot standby (issue #20, "many readers"): every command that only reads prints on the standby what it prints
/// on the primary, the AACT layer answers as on the primary, and every command that writes fails in one line that says
/// read-only, exit 4. A read-only command that wrote anything, took a lock a standby cannot grant or ran DDL would fail
/// here: the standby refuses all of them.
/// </summary>
public sealed class StandbyTests(HotStandby standby) : IClassFixture<HotStandby>
{
    private readonly HotStandby _standby = standby;

    [Theory]
    [InlineData("stats")]
    [InlineData("stats", "--all")]
    [InlineData("stats", "--json")]
    [InlineData("runs")]
    [InlineData("runs", "--json")]
    [InlineData("history", "{changed}", "--diff")]
    [InlineData("history", "{changed}", "--json")]
    public async Task ReadCommand_OnTheStandby_PrintsWhatItPrintsOnThePrimary(params string[] command)
    {
        _standby.RequireAvailable();
        string[] args = [.. command.Select(a => a.Replace("{changed}", _standby.ChangedNctId, StringComparison.Ordinal))];

        var onPrimary = await CliRunner.RunAsync([.. args, "--connection", _standby.PrimaryConnectionString]);
        var onStandby = await CliRunner.RunAsync([.. args, "--connection", _standby.StandbyConnectionString]);

        onPrimary.ExitCode.ShouldBe(ExitCodes.Success, onPrimary.Error);
        onStandby.ExitCode.ShouldBe(ExitCodes.Success, onStandby.Error);
        onStandby.Error.ShouldBeEmpty();
        onStandby.Output.Length.ShouldBeGreaterThan(100);
        onStandby.Output.ShouldBe(onPrimary.Output);
        TestContext.Current.SendDiagnosticMessage($"standby: clinical {string.Join(' ', args)}\n{onStandby.Output}");
    }

    [Fact]
    public async Task History_OnTheStandby_ShowsBothVersionsOfTheChangedStudy()
    {
        _standby.RequireAvailable();

        var (exitCode, output, error) = await CliRunner.RunAsync(["history", _standby.ChangedNctId, "--diff", "--connection", _standby.StandbyConnectionString]);

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldContain($"{_standby.ChangedNctId}: 2 version(s)");
        output.ShouldContain("protocolSection.statusModule.overallStatus: ");
    }

    /// <summary>One line per export format: the file's name, then the options that choose the format.</summary>
    [Theory]
    [InlineData("studies.json")]
    [InlineData("studies.ndjson", "--ndjson")]
    [InlineData("as-of.ndjson", "--ndjson", "--as-of", "2026-01-01")]
    [InlineData("recruiting.json", "--where", "s.overall_status = 'RECRUITING'")]
    public async Task Export_OnTheStandby_WritesTheFileThePrimaryWrites(string file, params string[] options)
    {
        _standby.RequireAvailable();
        var fromPrimary = Path.Combine(_standby.Directory, "primary-" + file);
        var fromStandby = Path.Combine(_standby.Directory, "standby-" + file);

        var onPrimary = await CliRunner.RunAsync(["export", fromPrimary, .. options, "--quiet", "--connection", _standby.PrimaryConnectionString]);
        var onStandby = await CliRunner.RunAsync(["export", fromStandby, .. options, "--quiet", "--connection", _standby.StandbyConnectionString]);

        onPrimary.ExitCode.ShouldBe(ExitCodes.Success, onPrimary.Error);
        onStandby.ExitCode.ShouldBe(ExitCodes.Success, onStandby.Error);
        onStandby.Error.ShouldBeEmpty();
        var written = await File.ReadAllBytesAsync(fromStandby, TestContext.Current.CancellationToken);
        written.Length.ShouldBeGreaterThan(1000);
        written.ShouldBe(await File.ReadAllBytesAsync(fromPrimary, TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The table formats: every table's rows, by count and DuckDB's checksum over the files, are the primary's (a Parquet
    /// or DuckDB file's bytes are not the same from one run to the next); CSV, PostgreSQL's own text, also byte for byte.
    /// </summary>
    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    [InlineData("duckdb")]
    public async Task TableExport_OnTheStandby_WritesThePrimarysRows(string format)
    {
        _standby.RequireAvailable();
        var name = format == "duckdb" ? "tables.duckdb" : "tables-" + format;
        var fromPrimary = Path.Combine(_standby.Directory, "primary-" + name);
        var fromStandby = Path.Combine(_standby.Directory, "standby-" + name);

        var onPrimary = await CliRunner.RunAsync(["export", "--format", format, "--output", fromPrimary, "--quiet", "--connection", _standby.PrimaryConnectionString]);
        var onStandby = await CliRunner.RunAsync(["export", "--format", format, "--output", fromStandby, "--quiet", "--connection", _standby.StandbyConnectionString]);

        onPrimary.ExitCode.ShouldBe(ExitCodes.Success, onPrimary.Error);
        onStandby.ExitCode.ShouldBe(ExitCodes.Success, onStandby.Error);
        onStandby.Error.ShouldBeEmpty();
        var standbyChecksums = await ExportedTableChecksums.ChecksumsAsync(fromStandby, format);
        standbyChecksums.Count.ShouldBe(112);
        standbyChecksums.ShouldContain(c => c.StartsWith("\"ctgov\".\"studies\" 200:", StringComparison.Ordinal), string.Join('\n', standbyChecksums));
        standbyChecksums.ShouldBe(await ExportedTableChecksums.ChecksumsAsync(fromPrimary, format));
        if (format == "csv")
        {
            foreach (var file in Directory.GetFiles(fromPrimary, "*.csv", SearchOption.AllDirectories))
            {
                var written = await File.ReadAllBytesAsync(Path.Combine(fromStandby, Path.GetRelativePath(fromPrimary, file)), TestContext.Current.CancellationToken);
                written.ShouldBe(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), file);
            }
        }
    }

    /// <summary>SQL as users send it: the AACT layer through the search_path migrate set (a database setting, replicated too), and the native schema.</summary>
    [Theory]
    [InlineData("SELECT c.name, count(*) FROM studies s JOIN countries c ON c.nct_id = s.nct_id AND NOT c.removed WHERE s.overall_status = 'RECRUITING' GROUP BY c.name ORDER BY 2 DESC, 1 LIMIT 5")]
    [InlineData("SELECT nct_id, number_of_sae_subjects, number_of_nsae_subjects, were_results_reported FROM calculated_values ORDER BY nct_id")]
    [InlineData("SELECT count(*) FROM studies NATURAL JOIN designs NATURAL JOIN calculated_values")]
    [InlineData("SELECT m.nct_id, m.param_value, g.title FROM outcome_measurements m JOIN result_groups g ON g.id = m.result_group_id ORDER BY m.id LIMIT 100")]
    [InlineData("SELECT nct_id, names FROM all_countries ORDER BY nct_id")]
    [InlineData("SELECT l.country, count(DISTINCT s.nct_id) FROM registry.studies s JOIN registry.locations l ON l.nct_id = s.nct_id WHERE s.overall_status = 'RECRUITING' GROUP BY 1 ORDER BY 2 DESC, 1")]
    public async Task Query_OnTheStandby_GivesThePrimarysAnswer(string sql)
    {
        _standby.RequireAvailable();

        var onPrimary = await HotStandby.RowsAsync(_standby.PrimaryConnectionString, sql);
        var onStandby = await HotStandby.RowsAsync(_standby.StandbyConnectionString, sql);

        onStandby.ShouldNotBeEmpty();
        onStandby.ShouldBe(onPrimary);
    }

    [Theory]
    [InlineData("import", "{studies}")]
    [InlineData("migrate")]
    [InlineData("history", "prune", "--keep", "1")]
    public async Task WriteCommand_OnTheStandby_OneLineThatSaysReadOnlyAndExit4(params string[] command)
    {
        _standby.RequireAvailable();
        string[] args = [.. command.Select(a => a.Replace("{studies}", TestFixtures.RealStudiesPath, StringComparison.Ordinal)), "--connection", _standby.StandbyConnectionString];
        var runsBefore = await HotStandby.RowsAsync(_standby.PrimaryConnectionString, "SELECT run_id, status FROM registry.import_runs ORDER BY run_id");

        var (exitCode, output, error) = await CliRunner.RunAsync(args);

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, error + output);
        var line = CliRunner.Lines(error).ShouldHaveSingleItem();
        line.ShouldStartWith("error: cannot write to PostgreSQL at 127.0.0.1:");
        line.ShouldContain("read-only");
        line.ShouldContain("hot standby");
        line.ShouldContain("primary");
        CliRunner.ShouldHoldNoStackTrace(error);
        (await HotStandby.RowsAsync(_standby.PrimaryConnectionString, "SELECT run_id, status FROM registry.import_runs ORDER BY run_id")).ShouldBe(runsBefore);
        TestContext.Current.SendDiagnosticMessage($"standby: clinical {string.Join(' ', command)} → exit {exitCode}: {line}");
    }
}
