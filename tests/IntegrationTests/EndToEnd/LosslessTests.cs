using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Every leaf value of every real study is found, equal, in the row and column the table description names for its
/// JSON path; the only exceptions are the description's IgnoredPaths, each with its reason. A value the loader salvaged
/// (stored as null because its JSON type was wrong or it could not be represented) counts as found when its finding
/// holds its exact raw JSON text at its exact indexed path.
/// </summary>
public sealed class LosslessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Import_RealStudies_EveryLeafValueIsStoredInItsColumn()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var result = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        result.Written.ShouldBe(200);

        var report = await CheckAsync(TestFixtures.RealStudiesPath);

        report.Salvaged.ShouldBe(0);
        report.Found.ShouldBeGreaterThan(100_000);
    }

    [Fact]
    public async Task Import_RealStudiesWithFieldsOfTheWrongType_EveryLeafIsInItsColumnOrInItsSalvageFinding()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
        var random = new Random(20261130);
        foreach (var study in studies)
        {
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                SalvageMutations.BreakOneValue(study!, random);
            }
        }

        var path = Path.Combine(Path.GetTempPath(), $"lossless-salvage-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, studies.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var result = await TestImporter.ImportAsync(_database.ConnectionString, path);
            result.Written.ShouldBe(200);
            result.Rejected.ShouldBe(0);

            var report = await CheckAsync(path);

            report.Salvaged.ShouldBeGreaterThan(200);
            report.Found.ShouldBeGreaterThan(100_000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Walks every study of <paramref name="path"/> against the database and fails with the leaves not found.</summary>
    private async Task<Report> CheckAsync(string path)
    {
        var columnsByPath = ColumnsByPath();
        var rows = await LoadRowsAsync();
        var salvaged = await LoadSalvagedAsync();
        var report = new Report();

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        foreach (var study in document.RootElement.EnumerateArray())
        {
            var nctId = study.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;
            Walk(study, new Place([], [], []), new Study(nctId, columnsByPath, rows, salvaged), report);
        }

        var coverage = 100.0 * report.Found / (report.Leaves - report.Ignored);
        TestContext.Current.SendDiagnosticMessage($"lossless: {report.Leaves:N0} leaf values, {report.Found:N0} found ({report.Salvaged:N0} in salvage findings), {report.Ignored:N0} ignored by rule, coverage {coverage:F3} %");
        report.Problems.ShouldBeEmpty($"{report.Problems.Count} leaf values not found (coverage {coverage:F3} %):\n{string.Join("\n", report.Problems.Take(40))}");
        return report;
    }

    private static void Walk(JsonElement node, Place place, Study study, Report report)
    {
        if (study.Salvaged.TryGetValue((study.NctId, place.Indexed()), out var raw))
        {
            var leaves = Math.Max(1, CountLeaves(node));
            report.Leaves += leaves;
            if (raw == node.GetRawText())
            {
                report.Found += leaves;
                report.Salvaged += leaves;
            }
            else
            {
                report.Problems.Add($"{study.NctId} {place.Indexed()}: JSON {node.GetRawText()} but its salvage finding holds {raw}");
            }

            return;
        }

        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    place.Push(property.Name);
                    Walk(property.Value, place, study, report);
                    place.Pop();
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in node.EnumerateArray())
                {
                    place.Push(index++);
                    Walk(element, place, study, report);
                    place.Pop();
                }

                break;
            default:
                Check(node, string.Join('.', place.Names), place.Ordinals, study.NctId, study.ColumnsByPath, study.Rows, report);
                break;
        }
    }

    private static int CountLeaves(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().Sum(p => CountLeaves(p.Value)),
        JsonValueKind.Array => node.EnumerateArray().Sum(CountLeaves),
        _ => 1,
    };

    private static void Check(JsonElement value, string path, List<int> ordinals, string nctId, Dictionary<string, Target> columnsByPath, Dictionary<(string, string), Dictionary<string, object?>> rows, Report report)
    {
        report.Leaves++;
        if (StudyTables.IgnoredPaths.Keys.Any(ignored => path == ignored || path.StartsWith(ignored + ".", StringComparison.Ordinal)))
        {
            report.Ignored++;
            return;
        }

        if (!columnsByPath.TryGetValue(path, out var target))
        {
            report.Problems.Add($"{nctId} {path}: no column describes this path");
            return;
        }

        var key = $"{nctId}|{target.Kind}|{string.Join('.', ordinals)}";
        if (!rows.TryGetValue((target.Table, key), out var row))
        {
            report.Problems.Add($"{nctId} {path}: no row {target.Table} [{key}]");
            return;
        }

        var stored = row[target.Column];
        if (Same(value, stored))
        {
            report.Found++;
        }
        else
        {
            report.Problems.Add($"{nctId} {path}: JSON {value.GetRawText()} but {target.Table}.{target.Column} [{key}] = {stored ?? "null"}");
        }
    }

    private static bool Same(JsonElement json, object? stored) => (json.ValueKind, stored) switch
    {
        (JsonValueKind.String, string text) => text == json.GetString()!.Replace("\0", string.Empty, StringComparison.Ordinal),
        (JsonValueKind.String, DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == json.GetString(),
        (JsonValueKind.String, DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == json.GetString(),
        (JsonValueKind.True, bool flag) => flag,
        (JsonValueKind.False, bool flag) => !flag,
        (JsonValueKind.Number, int number) => json.TryGetInt64(out var n) && n == number,
        (JsonValueKind.Number, long number) => json.TryGetInt64(out var n) && n == number,
        (JsonValueKind.Number, double number) => Math.Abs(json.GetDouble() - number) < 1e-9,
        (JsonValueKind.Number, decimal number) => json.GetRawText() == number.ToString(CultureInfo.InvariantCulture),
        _ => false,
    };

    /// <summary>For each full JSON path, the table, discriminator and column that hold the value as sent.</summary>
    private static Dictionary<string, Target> ColumnsByPath()
    {
        var map = new Dictionary<string, Target>(StringComparer.Ordinal);
        foreach (var table in StudyTables.All)
        {
            foreach (var (source, column, path) in table.ColumnPaths().Where(p => !p.Column.Derived))
            {
                map.Add(path, new Target(table.Name, source.Kind, column.Name));
            }
        }

        map["protocolSection.identificationModule.nctId"] = new Target("studies", null, "nct_id");
        return map;
    }

    /// <summary>Every row of every table, keyed by "nct_id|kind|ordinals".</summary>
    private async Task<Dictionary<(string, string), Dictionary<string, object?>>> LoadRowsAsync()
    {
        var rows = new Dictionary<(string, string), Dictionary<string, object?>>();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in StudyTables.All)
        {
            var keys = table.KeyColumns.Select(k => k.Name).ToArray();
            await using var command = new NpgsqlCommand($"SELECT * FROM {DatabaseSchema.Default.Qualified(table.Name)}", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                var kind = table.KindColumn is null ? string.Empty : (string)row[table.KindColumn]!;
                var ordinals = string.Join('.', keys.Skip(table.KindColumn is null ? 1 : 2).Select(k => row[k]));
                rows[(table.Name, $"{row["nct_id"]}|{kind}|{ordinals}")] = row;
            }
        }

        return rows;
    }

    /// <summary>Every salvage finding (wrong-type, unrepresentable): its raw JSON text by study and indexed JSON path.</summary>
    private async Task<Dictionary<(string, string), string>> LoadSalvagedAsync()
    {
        var salvaged = new Dictionary<(string, string), string>();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT nct_id, json_path, value FROM {DatabaseSchema.Default.Qualified("findings")} WHERE rule IN ('{SalvageRules.WrongType}', '{SalvageRules.Unrepresentable}')", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            salvaged.Add((reader.GetString(0), reader.GetString(1)), reader.GetString(2));
        }

        return salvaged;
    }

    private sealed record Target(string Table, string? Kind, string Column);

    private sealed record Study(string NctId, Dictionary<string, Target> ColumnsByPath, Dictionary<(string, string), Dictionary<string, object?>> Rows, Dictionary<(string, string), string> Salvaged);

    /// <summary>Where the walk is: the property names (the table description's path), the array indices, and both interleaved.</summary>
    private sealed record Place(List<string> Names, List<int> Ordinals, List<string> Segments)
    {
        public void Push(string name)
        {
            Names.Add(name);
            Segments.Add(Segments.Count == 0 ? name : "." + name);
        }

        public void Push(int index)
        {
            Ordinals.Add(index);
            Segments.Add($"[{index}]");
        }

        public void Pop()
        {
            if (Segments[^1][0] == '[')
            {
                Ordinals.RemoveAt(Ordinals.Count - 1);
            }
            else
            {
                Names.RemoveAt(Names.Count - 1);
            }

            Segments.RemoveAt(Segments.Count - 1);
        }

        /// <summary>The indexed JSON path, as findings write it: "a.b[2].c".</summary>
        public string Indexed() => string.Concat(Segments);
    }

    private sealed class Report
    {
        public long Leaves { get; set; }

        public long Found { get; set; }

        public long Ignored { get; set; }

        public long Salvaged { get; set; }

        public List<string> Problems { get; } = [];
    }
}
