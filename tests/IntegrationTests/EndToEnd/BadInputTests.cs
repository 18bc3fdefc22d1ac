using System.Text;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Bad input of every kind a nightly loader meets: each case loads every good study, quarantines or reports the bad one
/// with where and why, and leaves nothing half-written.
/// </summary>
public sealed class BadInputTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-bad-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_SyntaxErrorInTheMiddle_QuarantinesThatStudyAndLoadsEveryOther()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        var nctId = NctIdOf(lines[49]);
        var broken = lines[49].Replace("\"briefTitle\":\"", "\"briefTitle\"::\"", StringComparison.Ordinal);
        lines[49] = broken;

        var result = await ImportLinesAsync(lines);

        result.Status.ShouldBe(ImportStatus.Succeeded);
        result.Written.ShouldBe(199);
        result.Rejected.ShouldBe(1);
        var (ordinal, quarantinedId, rawJson) = await SingleQuarantinedAsync();
        ordinal.ShouldBe(49);
        quarantinedId.ShouldBe(nctId);
        rawJson.ShouldBe(broken);
    }

    [Fact]
    public async Task Import_TruncatedFile_KeepsEveryCompleteStudyAndReportsWhereTheFileBreaks()
    {
        await StartAsync();
        var bytes = await File.ReadAllBytesAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken);
        var path = Path.Combine(_directory, "truncated.json");
        await File.WriteAllBytesAsync(path, bytes.AsSpan(0, bytes.Length * 2 / 3).ToArray(), TestContext.Current.CancellationToken);

        var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

        result.Status.ShouldBe(ImportStatus.InputError);
        result.Error.ShouldNotBeNull();
        result.Error.ShouldContain("truncated");
        result.Error.ShouldContain("byte");
        result.Written.ShouldBe(result.Read);
        result.Written.ShouldBeGreaterThan(100);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(result.Written);
    }

    [Fact]
    public async Task Import_NulCharactersInText_LoadsTheStudyWithoutThemAndCountsAWarning()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        var study = JsonNode.Parse(lines[3])!;
        study["protocolSection"]!["identificationModule"]!["briefTitle"] = "Before\u0000after";
        study["protocolSection"]!["conditionsModule"]!["conditions"]!.AsArray().Add("Nul\u0000Condition");
        lines[3] = study.ToJsonString();

        var result = await ImportLinesAsync(lines);

        result.Written.ShouldBe(200);
        result.WarningsByRule[RawStudyProcessor.NulStripped].ShouldBe(1);
        (await ScalarAsync<string>($"SELECT brief_title FROM {SchemaSql.DefaultSchemaName}.studies WHERE nct_id = '{NctIdOf(lines[3])}'")).ShouldBe("Beforeafter");
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.conditions WHERE nct_id = '{NctIdOf(lines[3])}' AND condition = 'NulCondition'")).ShouldBe(1);
    }

    [Fact]
    public async Task Import_MultiMegabyteStudyAndExtremelyLongString_AreLoadedWhole()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        var study = JsonNode.Parse(lines[7])!;
        var huge = string.Concat(Enumerable.Repeat("Zürich ≥ 18 years \\> ", 300_000)); // ≈ 6.6 MB of UTF-8
        study["protocolSection"]!["descriptionModule"]!["detailedDescription"] = huge;
        lines[7] = study.ToJsonString();

        var result = await ImportLinesAsync(lines);

        result.Written.ShouldBe(200);
        Encoding.UTF8.GetByteCount(lines[7]).ShouldBeGreaterThan(4_000_000);
        (await ScalarAsync<string>($"SELECT detailed_description FROM {SchemaSql.DefaultSchemaName}.studies WHERE nct_id = '{NctIdOf(lines[7])}'")).ShouldBe(huge);
    }

    [Fact]
    public async Task Import_NestingBomb_QuarantinesOnlyThatElement()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        lines.Insert(10, new string('[', 200_000) + new string(']', 200_000));

        var result = await ImportLinesAsync(lines);

        result.Written.ShouldBe(200);
        result.Rejected.ShouldBe(1);
        (await ScalarAsync<string>($"SELECT reason FROM {SchemaSql.DefaultSchemaName}.quarantine")).ShouldContain("JSON object");
    }

    [Fact]
    public async Task Import_InvalidUtf8InAStudy_QuarantinesOnlyThatStudy()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        var path = Path.Combine(_directory, "invalid-utf8.json");
        var bad = Encoding.UTF8.GetBytes(lines[20].Replace("\"briefTitle\":\"", "\"briefTitle\":\"@@", StringComparison.Ordinal));
        var at = bad.AsSpan().IndexOf("@@"u8);
        bad[at] = 0xC3; // a lead byte followed by '(' is not UTF-8
        bad[at + 1] = 0x28;
        await using (var file = File.Create(path))
        {
            await file.WriteAsync("[\n"u8.ToArray(), TestContext.Current.CancellationToken);
            for (var i = 0; i < lines.Count; i++)
            {
                await file.WriteAsync(i == 20 ? bad : Encoding.UTF8.GetBytes(lines[i]), TestContext.Current.CancellationToken);
                await file.WriteAsync((i + 1 < lines.Count ? ",\n"u8 : "\n]\n"u8).ToArray(), TestContext.Current.CancellationToken);
            }
        }

        var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

        result.Written.ShouldBe(199);
        result.Rejected.ShouldBe(1);
        var (ordinal, nctId, _) = await SingleQuarantinedAsync();
        ordinal.ShouldBe(20);
        nctId.ShouldBe(NctIdOf(lines[20]));
    }

    [Fact]
    public async Task Import_SameNctIdTwice_TheLaterVersionWinsWithinAndAcrossBatches()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        var first = JsonNode.Parse(lines[0])!;
        var nearCopy = first.DeepClone();
        nearCopy["protocolSection"]!["identificationModule"]!["briefTitle"] = "Second version, same batch";
        var farCopy = first.DeepClone();
        farCopy["protocolSection"]!["identificationModule"]!["briefTitle"] = "Third version, later batch";
        lines.Insert(2, nearCopy.ToJsonString());
        lines.Add(farCopy.ToJsonString());

        var result = await ImportLinesAsync(lines, batchSize: 50);

        result.Read.ShouldBe(202);
        result.Duplicates.ShouldBe(1); // within one batch: counted; across batches the later write simply replaces
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(200);
        (await ScalarAsync<string>($"SELECT brief_title FROM {SchemaSql.DefaultSchemaName}.studies WHERE nct_id = '{NctIdOf(lines[0])}'")).ShouldBe("Third version, later batch");
    }

    [Fact]
    public async Task Import_EmptyArray_SucceedsWithNothingWritten()
    {
        await StartAsync();
        var path = Path.Combine(_directory, "empty-array.json");
        await File.WriteAllTextAsync(path, "[]\n", TestContext.Current.CancellationToken);

        var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

        result.Status.ShouldBe(ImportStatus.Succeeded);
        result.Read.ShouldBe(0);
    }

    [Fact]
    public async Task Import_Full_SoftDeletesStudiesAbsentFromTheRegistryAndBringsBackThoseThatReturn()
    {
        await StartAsync();
        var lines = await RealLinesAsync();
        await ImportLinesAsync(lines);
        var missing = lines.Skip(150).Select(NctIdOf).ToArray();

        var partial = await ImportLinesAsync([.. lines.Take(150)], full: true);

        partial.Deleted.ShouldBe(50);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies WHERE deleted_in_run = {partial.RunId}")).ShouldBe(50);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies WHERE deleted_in_run IS NOT NULL AND nct_id = ANY('{{{string.Join(',', missing)}}}')")).ShouldBe(50);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(200); // soft: the rows stay

        var truncated = Path.Combine(_directory, "truncated-full.json");
        await File.WriteAllTextAsync(truncated, "[\n" + string.Join(",\n", lines.Take(10)) + ",\n{\"protocolSection\":", TestContext.Current.CancellationToken);
        var broken = await TestImporter.ImportAsync(_database.ConnectionString, truncated, full: true);
        broken.Status.ShouldBe(ImportStatus.InputError);
        broken.Deleted.ShouldBe(0);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies WHERE deleted_in_run IS NOT NULL")).ShouldBe(50);

        var back = await ImportLinesAsync(lines, full: true);

        back.Deleted.ShouldBe(0);
        back.Written.ShouldBe(50);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies WHERE deleted_in_run IS NOT NULL")).ShouldBe(0);
    }

    private async Task StartAsync()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
    }

    private static async Task<List<string>> RealLinesAsync() =>
        [.. JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray().Select(s => s!.ToJsonString())];

    private static string NctIdOf(string line) => JsonNode.Parse(line)!["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>();

    /// <summary>Writes the lines in the download's shape (one study per line) and imports them.</summary>
    private async Task<ImportStudiesResult> ImportLinesAsync(List<string> lines, int batchSize = ImportStudiesCommand.DefaultBatchSize, bool full = false)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "[\n" + string.Join(",\n", lines) + "\n]\n", TestContext.Current.CancellationToken);
        return await TestImporter.ImportAsync(_database.ConnectionString, path, batchSize, full);
    }

    private async Task<(long Ordinal, string? NctId, string RawJson)> SingleQuarantinedAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT ordinal, nct_id, raw_json FROM {SchemaSql.DefaultSchemaName}.quarantine", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        var row = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeFalse("exactly one study is quarantined");
        return row;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
