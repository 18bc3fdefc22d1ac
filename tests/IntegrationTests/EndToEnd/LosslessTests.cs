using System.Globalization;
using System.Text.Json;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Every leaf value of every real study is found, equal, in the row and column the table description names for its
/// JSON path; the only exceptions are the description's IgnoredPaths, each with its reason.
/// </summary>
public sealed class LosslessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Import_RealStudies_EveryLeafValueIsStoredInItsColumn()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var result = await TestImporter.ImportAsync(_database.ConnectionString, SharedData.RealStudiesPath);
        result.Written.ShouldBe(200);
        var columnsByPath = ColumnsByPath();
        var rows = await LoadRowsAsync();
        var report = new Report();

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(SharedData.RealStudiesPath, TestContext.Current.CancellationToken));
        foreach (var study in document.RootElement.EnumerateArray())
        {
            var nctId = study.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;
            Walk(study, [], [], nctId, columnsByPath, rows, report);
        }

        var coverage = 100.0 * report.Found / (report.Leaves - report.Ignored);
        TestContext.Current.SendDiagnosticMessage($"lossless: {report.Leaves:N0} leaf values, {report.Found:N0} found, {report.Ignored:N0} ignored by rule, coverage {coverage:F3} %");
        report.Problems.ShouldBeEmpty($"{report.Problems.Count} leaf values not found (coverage {coverage:F3} %):\n{string.Join("\n", report.Problems.Take(40))}");
        report.Found.ShouldBeGreaterThan(100_000);
    }

    private static void Walk(JsonElement node, List<string> names, List<int> ordinals, string nctId, Dictionary<string, Target> columnsByPath, Dictionary<(string, string), Dictionary<string, object?>> rows, Report report)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    names.Add(property.Name);
                    Walk(property.Value, names, ordinals, nctId, columnsByPath, rows, report);
                    names.RemoveAt(names.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in node.EnumerateArray())
                {
                    ordinals.Add(index++);
                    Walk(element, names, ordinals, nctId, columnsByPath, rows, report);
                    ordinals.RemoveAt(ordinals.Count - 1);
                }

                break;
            default:
                Check(node, string.Join('.', names), ordinals, nctId, columnsByPath, rows, report);
                break;
        }
    }

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
            await using var command = new NpgsqlCommand($"SELECT * FROM ctgov.{table.Name}", connection);
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

    private sealed record Target(string Table, string? Kind, string Column);

    private sealed class Report
    {
        public long Leaves { get; set; }

        public long Found { get; set; }

        public long Ignored { get; set; }

        public List<string> Problems { get; } = [];
    }
}
