using System.Text.Json;
using System.Text.Json.Nodes;
using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary><c>clinical export</c> as a user runs it: selection by NCT number and by SQL condition, formats, deleted studies, errors.</summary>
public sealed class ExportCliTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Studies = 40;
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-export-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Export_TwoNctOptions_WritesThoseStudiesInTheDownloadsShapeAndSaysSo()
    {
        // Arrange
        var ids = await ImportAsync();
        var path = Path.Combine(_directory, "two.json");

        // Act
        var (exitCode, output, error) = await RunAsync("export", path, "--nct", ids[5], "--nct", ids[1]);

        // Assert
        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldStartWith($"exported 2 studies to {path} (");
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        lines.Length.ShouldBe(4);
        (lines[0], lines[^1]).ShouldBe(("[", "]"));
        lines[1].ShouldEndWith(",");
        NctIdOf(lines[1].TrimEnd(',')).ShouldBe(ids[1]);
        NctIdOf(lines[2]).ShouldBe(ids[5]);
    }

    [Fact]
    public async Task Export_WhereOnTheStudiesTableAsNdjson_WritesEveryStudyItSelectsOnePerLine()
    {
        // Arrange
        await ImportAsync();
        var path = Path.Combine(_directory, "selected.ndjson");
        var expected = await _database.StringsAsync($"SELECT nct_id FROM {DatabaseSchema.Default.Qualified("studies")} WHERE enrollment > 100 ORDER BY nct_id");

        // Act
        var (exitCode, _, error) = await RunAsync("export", path, "--ndjson", "--where", "s.enrollment > 100");

        // Assert
        exitCode.ShouldBe(ExitCodes.Success, error);
        expected.Count.ShouldBeInRange(1, Studies - 1);
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        lines.Select(NctIdOf).ShouldBe(expected);
    }

    [Fact]
    public async Task Export_QueryFileNamingAnotherTableWithoutItsSchema_WritesTheStudiesItSelects()
    {
        // Arrange
        await ImportAsync();
        var query = Path.Combine(_directory, "with-locations.sql");
        await File.WriteAllTextAsync(query, "EXISTS (SELECT 1 FROM locations l WHERE l.nct_id = s.nct_id AND l.country = 'United States')\n", TestContext.Current.CancellationToken);
        var expected = await _database.StringsAsync($"SELECT DISTINCT nct_id FROM {DatabaseSchema.Default.Qualified("locations")} WHERE country = 'United States' ORDER BY nct_id");
        var path = Path.Combine(_directory, "us.json");

        // Act
        var (exitCode, _, error) = await RunAsync("export", path, "--query-file", query);

        // Assert
        exitCode.ShouldBe(ExitCodes.Success, error);
        expected.ShouldNotBeEmpty();
        JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!.AsArray()
            .Select(s => NctIdOf(s!.ToJsonString())).ShouldBe(expected);
    }

    [Fact]
    public async Task Export_SoftDeletedStudy_IsLeftOutUnlessIncludeDeleted()
    {
        // Arrange
        var ids = await ImportAsync();
        await ExecuteAsync($"UPDATE {DatabaseSchema.Default.Qualified("studies")} SET deleted_in_run = import_run_id WHERE nct_id = '{ids[0]}'");
        var without = Path.Combine(_directory, "without.ndjson");
        var with = Path.Combine(_directory, "with.ndjson");

        try
        {
            // Act
            var (withoutExit, _, _) = await RunAsync("export", without, "--ndjson", "--nct", ids[0], "--nct", ids[2]);
            var (withExit, _, _) = await RunAsync("export", with, "--ndjson", "--nct", ids[0], "--nct", ids[2], "--include-deleted");

            // Assert
            (withoutExit, withExit).ShouldBe((ExitCodes.Success, ExitCodes.Success));
            (await File.ReadAllLinesAsync(without, TestContext.Current.CancellationToken)).Select(NctIdOf).ShouldBe([ids[2]]);
            (await File.ReadAllLinesAsync(with, TestContext.Current.CancellationToken)).Select(NctIdOf).ShouldBe([ids[0], ids[2]]);
        }
        finally
        {
            await ExecuteAsync($"UPDATE {DatabaseSchema.Default.Qualified("studies")} SET deleted_in_run = NULL");
        }
    }

    [Theory]
    [InlineData("s.no_such_column = 1", "error: --where: column s.no_such_column does not exist")]
    [InlineData("s.enrollment > 'many'", "error: --where: invalid input syntax for type integer: \"many\"")]
    [InlineData("nextval('import_runs_run_id_seq') > 0", "error: --where: cannot execute nextval() in a read-only transaction")]
    [InlineData("true; DELETE FROM studies", "error: --where: a ';' ends the statement: give one condition, as after WHERE.")]
    [InlineData("true) OR (true", "error: --where: a ')' closes a bracket the predicate did not open.")]
    public async Task Export_WhereTheDatabaseCannotRunOrThatIsNotOneCondition_ExitsTwoWithOneLineAndWritesNoFile(string where, string expected)
    {
        // Arrange
        await ImportAsync();
        var path = Path.Combine(_directory, "never.json");

        // Act
        var (exitCode, _, error) = await RunAsync("export", path, "--where", where);

        // Assert
        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.TrimEnd().ShouldBe(expected);
        Directory.GetFiles(_directory).ShouldBeEmpty();
        (await _database.StringsAsync($"SELECT nct_id FROM {DatabaseSchema.Default.Qualified("studies")}")).Count.ShouldBe(Studies);
    }

    [Fact]
    public async Task Export_MalformedNctNumber_ExitsTwoAndNamesIt()
    {
        // Arrange
        await ImportAsync();

        // Act
        var (exitCode, _, error) = await RunAsync("export", Path.Combine(_directory, "x.json"), "--nct", "NCT1");

        // Assert
        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.TrimEnd().ShouldBe("error: --nct NCT1: not an NCT number (NCT followed by 8 digits).");
    }

    /// <summary>The first <see cref="Studies"/> real studies, imported once per test class; their NCT numbers in order.</summary>
    private async Task<List<string>> ImportAsync()
    {
        _database.RequireAvailable();
        var studiesTable = DatabaseSchema.Default.Qualified("studies");
        if (await StudiesStoredAsync() != Studies)
        {
            await _database.ResetAsync();
            var all = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
            var input = Path.Combine(Path.GetTempPath(), $"clinical-export-cli-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(input, "[\n" + string.Join(",\n", all.Take(Studies).Select(s => s!.ToJsonString())) + "\n]\n", TestContext.Current.CancellationToken);
            try
            {
                (await TestImporter.ImportAsync(_database.ConnectionString, input)).Written.ShouldBe(Studies);
            }
            finally
            {
                File.Delete(input);
            }
        }

        return await _database.StringsAsync($"SELECT nct_id FROM {studiesTable} ORDER BY nct_id");
    }

    private async Task<long> StudiesStoredAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{DatabaseSchema.Default.Qualified("studies")}') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken))!)
        {
            return 0;
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("studies")}", connection);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--connection", _database.ConnectionString], new TestConsole(), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static string NctIdOf(string study)
    {
        using var document = JsonDocument.Parse(study);
        return document.RootElement.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;
    }
}
