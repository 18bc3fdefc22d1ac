using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>The 200 real studies of tests/fixtures, imported into a real PostgreSQL through the real composition.</summary>
public sealed class RealStudiesImportTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Import_RealStudies_EveryTableHoldsOneRowPerJsonArrayElementForEveryStudy()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();

        var result = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath, batchSize: 64);

        result.Status.ShouldBe(ImportStatus.Succeeded);
        result.Read.ShouldBe(200);
        result.Written.ShouldBe(200);
        result.Rejected.ShouldBe(0);
        result.UnknownPaths.ShouldBeEmpty("the schema describes every path of the real records");
        var mismatches = new List<string>();
        long expectedRows = 0;
        foreach (var table in StudyTables.All)
        {
            var actual = await CountByStudyAsync(table.Name);
            if (table.IsDerived)
            {
                expectedRows += actual.Values.Sum(); // findings: rows the importer derives, not JSON array elements
                continue;
            }

            foreach (var study in studies)
            {
                var nctId = study!["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>();
                var expected = table.Sources.Sum(source => CountAt(study, source.JsonPath == "$" ? [] : source.JsonPath.Split('.'), source.JsonPath == "$"));
                expectedRows += expected;
                if (actual.GetValueOrDefault(nctId) != expected)
                {
                    mismatches.Add($"{table.Name} {nctId}: {actual.GetValueOrDefault(nctId)} rows, JSON has {expected}");
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(30)));
        result.Rows.ShouldBe(expectedRows);
    }

    [Fact]
    public async Task Import_SameFileTwice_SecondRunChangesNoRow()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        var tables = StudyTables.All.Select(t => t.Name).ToArray();
        var before = await TestImporter.TableChecksumsAsync(_database.ConnectionString, tables);

        var second = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);

        var after = await TestImporter.TableChecksumsAsync(_database.ConnectionString, tables);
        second.Status.ShouldBe(ImportStatus.Succeeded);
        second.Written.ShouldBe(0);
        second.Unchanged.ShouldBe(200);
        second.Rows.ShouldBe(0);
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Import_ChangedStudy_ReplacesAllItsRowsAndKeepsTheOthers()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(Path.GetTempPath(), $"changed-{Guid.NewGuid():N}.json");
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
        await File.WriteAllTextAsync(path, studies.ToJsonString(), TestContext.Current.CancellationToken);
        await TestImporter.ImportAsync(_database.ConnectionString, path); // the hash is over the bytes: start from the same serialization
        var target = studies.First(s => s!["protocolSection"]!["contactsLocationsModule"]?["locations"]?.AsArray().Count > 3)!;
        var nctId = target["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>();
        var locations = target["protocolSection"]!["contactsLocationsModule"]!["locations"]!.AsArray();
        while (locations.Count > 2)
        {
            locations.RemoveAt(locations.Count - 1);
        }

        target["protocolSection"]!["identificationModule"]!["briefTitle"] = "A changed title";
        await File.WriteAllTextAsync(path, studies.ToJsonString(), TestContext.Current.CancellationToken);

        try
        {
            var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

            result.Written.ShouldBe(1);
            result.Unchanged.ShouldBe(199);
            (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.locations WHERE nct_id = '{nctId}'")).ShouldBe(2);
            (await ScalarAsync<string>($"SELECT brief_title FROM {SchemaSql.DefaultSchemaName}.studies WHERE nct_id = '{nctId}'")).ShouldBe("A changed title");
            (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(200);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_FileWithBadStudies_QuarantinesTheOneWithoutNctIdAndSalvagesTheFieldOfTheWrongType()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
        studies[5]!["protocolSection"]!["identificationModule"]!["nctId"] = "NCT123";
        studies[10]!["protocolSection"]!["designModule"]!["enrollmentInfo"] = "many";
        var salvagedId = studies[10]!["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>();
        var lines = studies.Select(s => s!.ToJsonString()).ToArray();
        await File.WriteAllTextAsync(path, "[\n" + string.Join(",\n", lines) + "\n]\n", TestContext.Current.CancellationToken);

        try
        {
            var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

            result.Status.ShouldBe(ImportStatus.Succeeded);
            result.Written.ShouldBe(199);
            result.Rejected.ShouldBe(1);
            (await ScalarAsync<long>($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("studies")}")).ShouldBe(199);
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using (var command = new NpgsqlCommand($"SELECT ordinal, nct_id, reason, json_path, raw_json, run_id FROM {DatabaseSchema.Default.Qualified("quarantine")} ORDER BY ordinal", connection))
            await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
                reader.GetInt64(0).ShouldBe(5);
                reader.GetString(1).ShouldBe("NCT123");
                reader.GetString(2).ShouldContain("NCT123");
                reader.GetString(3).ShouldBe("protocolSection.identificationModule.nctId");
                JsonNode.Parse(reader.GetString(4))!.ToJsonString().ShouldBe(lines[5]);
                reader.GetInt64(5).ShouldBe(result.RunId);
                (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
            }

            await using (var command = new NpgsqlCommand($"SELECT rule, json_path, value, run_id FROM {DatabaseSchema.Default.Qualified("findings")} WHERE nct_id = @id", connection))
            {
                command.Parameters.AddWithValue("id", salvagedId);
                await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
                reader.GetString(0).ShouldBe(SalvageRules.WrongType);
                reader.GetString(1).ShouldBe("protocolSection.designModule.enrollmentInfo");
                reader.GetString(2).ShouldBe("\"many\"");
                reader.GetInt64(3).ShouldBe(result.RunId);
                (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Import_StudiesWithFieldsTheSchemaLacks_LoadsThemAndRecordsTheDriftInTheRun()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var path = Path.Combine(Path.GetTempPath(), $"drift-{Guid.NewGuid():N}.json");
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
        studies[0]!["protocolSection"]!["statusModule"]!["brandNewField"] = "2031-01";
        studies[1]!["protocolSection"]!["statusModule"]!["brandNewField"] = "2032-01";
        studies[1]!["derivedSection"]!["newModule"] = new JsonObject { ["x"] = 1 };
        await File.WriteAllTextAsync(path, studies.ToJsonString(), TestContext.Current.CancellationToken);

        try
        {
            var result = await TestImporter.ImportAsync(_database.ConnectionString, path);

            result.Written.ShouldBe(200);
            result.UnknownPaths.ShouldBe(new Dictionary<string, long>
            {
                ["protocolSection.statusModule.brandNewField"] = 2,
                ["derivedSection.newModule"] = 1,
            });
            var stored = await ScalarAsync<string>($"SELECT unknown_paths::text FROM {SchemaSql.DefaultSchemaName}.import_runs WHERE run_id = {result.RunId}");
            stored.ShouldContain("\"protocolSection.statusModule.brandNewField\": 2");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Counts the elements of the array at <paramref name="path"/>, summed over every array crossed on the way.</summary>
    private static int CountAt(JsonNode? node, ReadOnlySpan<string> path, bool isRoot)
    {
        if (node is null)
        {
            return 0;
        }

        if (isRoot)
        {
            return 1;
        }

        if (path.IsEmpty)
        {
            return node is JsonArray array ? array.Count : 0;
        }

        if (node is JsonArray crossed)
        {
            var sum = 0;
            foreach (var element in crossed)
            {
                sum += CountAt(element, path, false);
            }

            return sum;
        }

        return node is JsonObject obj && obj.TryGetPropertyValue(path[0], out var child) ? CountAt(child, path[1..], false) : 0;
    }

    private async Task<Dictionary<string, int>> CountByStudyAsync(string table)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT nct_id, count(*)::int FROM {SchemaSql.DefaultSchemaName}.{table} GROUP BY nct_id", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
