using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Clinical.Application.Studies.Import;
using Clinical.Cli;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Structural glitches in an otherwise good array (a doubled or missing comma, a stray bracket, garbage after the end):
/// every study is loaded, each glitch is a warning with its byte offset, counted in <c>import_runs</c> like every warning,
/// and the run ends "succeeded with warnings", exit 3: never silently 0. Garbage instead of JSON is one line and exit 2.
/// </summary>
public sealed class StructuralWarningTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-structure-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_DoubledMissingAndStrayPunctuation_LoadsEveryStudyAndWarnsAtEachByteOffset()
    {
        var (studies, connection) = await StartAsync(6);
        var text = new StringBuilder("[\n");
        var expected = new List<(string Rule, long Offset)>();
        text.Append(studies[0]).Append(',');
        expected.Add((InputWarning.ExtraComma, Encoding.UTF8.GetByteCount(text.ToString())));
        text.Append(",\n").Append(studies[1]).Append('\n');
        expected.Add((InputWarning.MissingComma, Encoding.UTF8.GetByteCount(text.ToString())));
        text.Append(studies[2]).Append(",\n").Append(studies[3]);
        expected.Add((InputWarning.StrayBrace, Encoding.UTF8.GetByteCount(text.ToString())));
        text.Append("}\n,").Append(studies[4]);
        expected.Add((InputWarning.StrayBracket, Encoding.UTF8.GetByteCount(text.ToString())));
        text.Append("],\n").Append(studies[5]).Append("\n]\n");
        var path = Path.Combine(_directory, "glitches.json");
        await File.WriteAllTextAsync(path, text.ToString(), TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ImportAsync(path, connection, "--json");

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects, error);
        var result = JsonDocument.Parse(output).RootElement;
        result.GetProperty("status").GetString().ShouldBe("SucceededWithWarnings");
        result.GetProperty("read").GetInt64().ShouldBe(6);
        result.GetProperty("written").GetInt64().ShouldBe(6);
        result.GetProperty("rejected").GetInt64().ShouldBe(0);
        result.GetProperty("input_warnings").EnumerateArray()
            .Select(w => (w.GetProperty("rule").GetString()!, w.GetProperty("byte_offset").GetInt64()))
            .ShouldBe(expected);
        (await ScalarAsync<string>(connection, "SELECT status || ' ' || warnings || ' ' || (warnings_by_rule->>'json-extra-comma') FROM registry.import_runs"))
            .ShouldBe("succeeded_with_warnings 4 1");
        (await ScalarAsync<long>(connection, "SELECT count(*) FROM registry.studies")).ShouldBe(6);
    }

    [Fact]
    public async Task Import_TrailingCommaAndGarbageAfterTheClosingBracket_LoadsEveryStudyWarnsAndShowsItInTheSummary()
    {
        var (studies, connection) = await StartAsync(3);
        var path = Path.Combine(_directory, "trailing.json");
        var head = Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", studies) + ",\n]");
        await File.WriteAllBytesAsync(path, [.. head, .. "\n\n"u8, 0xFF, 0xFE, 0x00, .. "not json"u8], TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ImportAsync(path, connection);

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects, error);
        output.ShouldContain("succeeded with warnings");
        output.ShouldContain($"byte {head.Length - 3:N0}: a comma after the last study; skipped");
        output.ShouldContain($"byte {head.Length + 2:N0}: data after the array's closing ']' that is no study");
        (await ScalarAsync<long>(connection, "SELECT count(*) FROM registry.studies")).ShouldBe(3);
    }

    [Fact]
    public async Task Import_BinaryGarbageInsteadOfJson_ExitsTwoWithOneLine()
    {
        var (_, connection) = await StartAsync(0);
        var path = Path.Combine(_directory, "garbage.json");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(0x80 + (i * 7 % 0x7F)))], TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await ImportAsync(path, connection, "--quiet");

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldStartWith($"error: {path} at byte 0");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Import_NonUtf8GarbageBetweenStudies_QuarantinesItLoadsEveryStudyAndExitsThree()
    {
        var (studies, connection) = await StartAsync(4);
        var path = Path.Combine(_directory, "garbage-between.json");
        var before = Encoding.UTF8.GetBytes("[\n" + studies[0] + ",\n" + studies[1] + ",\n");
        var after = Encoding.UTF8.GetBytes("\n" + studies[2] + ",\n" + studies[3] + "\n]\n");
        await File.WriteAllBytesAsync(path, [.. before, 0xC3, 0x28, 0xFF, .. "garbage,"u8, .. after], TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ImportAsync(path, connection, "--json");

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects, error);
        var result = JsonDocument.Parse(output).RootElement;
        result.GetProperty("written").GetInt64().ShouldBe(4);
        result.GetProperty("rejected").GetInt64().ShouldBe(1);
        (await ScalarAsync<long>(connection, $"SELECT byte_offset FROM registry.quarantine")).ShouldBe(before.Length);
    }

    [Fact]
    public async Task Import_ArrayBreaksOffOnStandardInput_PrintsOneErrorLineAndNoStackTraceInTheLog()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "import", "-", "--dry-run"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync("[");
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(ExitCodes.InvalidInput);
        var all = await output + await error;
        all.ShouldContain("stdin at byte 1");
        all.ShouldNotContain("   at ");
        all.ShouldNotContain("Exception:");
        (await error).Split('\n').ShouldAllBe(line => !line.Contains("warn:") && !line.Contains("fail:"));
    }

    private async Task<(List<string> Studies, string Connection)> StartAsync(int count)
    {
        _database.RequireAvailable();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(count).ToList();
        return (studies, await _database.CreateSiblingAsync());
    }

    private static async Task<(int ExitCode, string Output, string Error)> ImportAsync(string path, string connection, params string[] options)
    {
        var console = new TestConsole().Width(250);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["import", path, .. options, "--connection", connection], console, output, error, _ => null);
        (console.Output + output + error).ShouldNotContain("   at ");
        return (exitCode, console.Output + output, error.ToString());
    }

    private static async Task<T> ScalarAsync<T>(string connection, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
