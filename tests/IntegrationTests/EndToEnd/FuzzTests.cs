using System.Text.Json;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Real studies mutated at random (keys deleted, values of the wrong JSON type, text cut off mid-study, control
/// characters): the importer never crashes, every study is either loaded or quarantined, and every mutated study that is
/// still complete JSON with a valid NCT number is loaded (its bad fields salvaged as null, each with a finding that keeps
/// the raw JSON text).
/// </summary>
public sealed class FuzzTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Mutants = 400;
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(20261126)]
    [InlineData(7)]
    public async Task Import_MutatedRealStudies_EveryCompleteStudyWithAValidNctIdIsLoadedAndNothingCrashes(int seed)
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var studies = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray();
        var random = new Random(seed);
        var lines = new List<string>();
        var loadable = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Mutants; i++)
        {
            var study = studies[random.Next(studies.Count)]!.DeepClone();
            study["protocolSection"]!["identificationModule"]!["nctId"] = $"NCT9{i:D7}";
            var line = Mutate(study, random);
            lines.Add(line);
            if (ValidNctIdOf(line) is { } nctId)
            {
                loadable.Add(nctId);
            }
        }

        lines.Add(studies[0]!.ToJsonString()); // a good last study: the file itself stays a complete array
        var path = Path.Combine(_directory, $"fuzz-{seed}.json");
        await File.WriteAllTextAsync(path, "[\n" + string.Join(",\n", lines) + "\n]\n", TestContext.Current.CancellationToken);

        var result = await TestImporter.ImportAsync(_database.ConnectionString, path, batchSize: 64);

        // A mutant cut off mid-text damages the array's structure around it: a warning with its byte offset, not silence.
        result.Status.ShouldBe(result.InputWarnings is { Count: > 0 } ? ImportStatus.SucceededWithWarnings : ImportStatus.Succeeded, result.Error);
        (result.Written + result.Rejected).ShouldBe(Mutants + 1);
        result.Written.ShouldBeGreaterThan(0);
        result.Rejected.ShouldBeGreaterThan(0);
        (await ScalarAsync("SELECT count(*) FROM registry.studies")).ShouldBe(result.Written);
        (await ScalarAsync("SELECT count(*) FROM registry.quarantine")).ShouldBe(result.Rejected);
        var loaded = (await _database.StringsAsync($"SELECT nct_id FROM {DatabaseSchema.Default.Qualified("studies")}")).Intersect(loadable).Count();
        TestContext.Current.SendDiagnosticMessage($"fuzz seed {seed}: {Mutants + 1} studies, {result.Written} loaded, {result.Rejected} quarantined, {result.Warnings} warnings");
        TestContext.Current.SendDiagnosticMessage($"fuzz seed {seed}: mutated studies with a valid NCT number: loaded {loaded} of {loadable.Count}");
        var quarantined = await _database.StringsAsync($"SELECT nct_id || ': ' || reason || ' @ ' || coalesce(json_path, '') FROM {DatabaseSchema.Default.Qualified("quarantine")} WHERE nct_id LIKE 'NCT9%'");
        loaded.ShouldBe(loadable.Count, string.Join("\n", quarantined.Where(q => loadable.Contains(q[..11]))));
        var salvaged = await _database.StringsAsync($"SELECT value FROM {DatabaseSchema.Default.Qualified("findings")} WHERE rule IN ('{SalvageRules.WrongType}', '{SalvageRules.Unrepresentable}')");
        salvaged.ShouldNotBeEmpty();
        salvaged.ShouldAllBe(value => IsJson(value)); // the raw JSON text of each salvaged value, as sent
    }

    /// <summary>The NCT number of a mutated study that is still complete JSON, if it is a valid one.</summary>
    private static string? ValidNctIdOf(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["protocolSection"]?["identificationModule"]?["nctId"] is JsonValue id
                && id.TryGetValue<string>(out var nctId) && NctId.IsValid(nctId) ? nctId : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null; // cut off, or protocolSection/identificationModule is no longer an object
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>One to three mutations; the last may cut the text off, leaving a syntax error inside the array.</summary>
    internal static string Mutate(JsonNode study, Random random)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var (parent, key, node) = PickNode(study, random);
            switch (random.Next(4))
            {
                case 0 when parent is JsonObject obj:
                    obj.Remove((string)key);
                    break;
                case 1:
                    Replace(parent, key, random.Next(5) switch
                    {
                        0 => JsonValue.Create(random.Next()),
                        1 => JsonValue.Create("wrong type"),
                        2 => new JsonObject { ["x"] = 1 },
                        3 => new JsonArray(1, "two"),
                        _ => JsonValue.Create(random.Next(2) == 0),
                    });
                    break;
                case 2 when node is JsonValue value && value.TryGetValue<string>(out var text):
                    var at = random.Next(text.Length + 1);
                    Replace(parent, key, JsonValue.Create(text[..at] + "\u0000\u0001\u001f\u007f\u2028" + text[at..]));
                    break;
                case 3:
                    var json = study.ToJsonString();
                    return json[..random.Next(1, json.Length)];
            }
        }

        return study.ToJsonString();
    }

    private static (JsonNode Parent, object Key, JsonNode? Node) PickNode(JsonNode root, Random random)
    {
        var all = new List<(JsonNode, object, JsonNode?)>();
        void Walk(JsonNode node)
        {
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    all.Add((obj, name, child));
                    if (child is not null)
                    {
                        Walk(child);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    all.Add((array, i, array[i]));
                    if (array[i] is { } child)
                    {
                        Walk(child);
                    }
                }
            }
        }

        Walk(root);
        return all[random.Next(all.Count)];
    }

    private static void Replace(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
