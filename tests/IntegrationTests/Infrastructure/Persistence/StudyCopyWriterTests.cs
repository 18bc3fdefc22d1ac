using System.Text;
using System.Text.Json.Nodes;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class StudyCopyWriterTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private static readonly byte[] HashOne = [.. Enumerable.Repeat((byte)1, 32)];
    private static readonly byte[] HashTwo = [.. Enumerable.Repeat((byte)2, 32)];

    private readonly PostgresDatabase _database = database;
    private NpgsqlDataSource? _dataSource;

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task WriteBatchAsync_NewStudies_WritesTheirRowsAndCountsThem()
    {
        var writer = await WriterAsync();
        var nodes = await RealStudiesAsync(3);
        var studies = nodes.Select((node, i) => writer.Prepare(1, new StoredStudy(Study(node), HashOne, i))).ToArray();

        var result = await writer.WriteBatchAsync(1, studies, [], TestContext.Current.CancellationToken);

        result.ShouldBe(new BatchWriteResult(3, 0, studies.Sum(s => s.Rows)));
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(3);
        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.conditions")).ShouldBeGreaterThan(0);
        Release(studies);
    }

    [Fact]
    public async Task WriteBatchAsync_SameHashAgain_SkipsTheStudyAsUnchanged()
    {
        var writer = await WriterAsync();
        var node = (await RealStudiesAsync(1))[0];
        await WriteAsync(writer, 1, Study(node), HashOne);

        var second = await WriteAsync(writer, 2, Study(node), HashOne);

        second.ShouldBe(new BatchWriteResult(0, 1, 0));
        (await ScalarAsync<long>($"SELECT import_run_id FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(1);
    }

    [Fact]
    public async Task WriteBatchAsync_ChangedHash_ReplacesEveryRowOfTheStudyFindingsIncluded()
    {
        var writer = await WriterAsync();
        var node = (await RealStudiesAsync(1))[0];
        var first = Study(node);
        first.AddFindings([new Finding("rule-a", "protocolSection.a", "1", "first"), new Finding("rule-b", "protocolSection.b", null, "second")]);
        await WriteAsync(writer, 1, first, HashOne);
        var changed = node.DeepClone();
        changed["protocolSection"]!["conditionsModule"] = new JsonObject { ["conditions"] = new JsonArray("Only condition") };
        var second = Study(changed);
        second.AddFindings([new Finding("rule-c", "protocolSection.c", "3", "third")]);

        var result = await WriteAsync(writer, 2, second, HashTwo);

        result.Written.ShouldBe(1);
        result.Unchanged.ShouldBe(0);
        (await ScalarAsync<string>($"SELECT string_agg(condition, ',') FROM {SchemaSql.DefaultSchemaName}.conditions")).ShouldBe("Only condition");
        (await ScalarAsync<string>($"SELECT string_agg(ord || ' ' || rule || ' ' || json_path || ' ' || value || ' ' || message || ' ' || run_id, ',') FROM {SchemaSql.DefaultSchemaName}.findings"))
            .ShouldBe("0 rule-c protocolSection.c 3 third 2");
        (await ScalarAsync<long>($"SELECT import_run_id FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(2);
    }

    [Fact]
    public async Task WriteBatchAsync_UnchangedStudy_KeepsTheFindingsItWasWrittenWith()
    {
        var writer = await WriterAsync();
        var node = (await RealStudiesAsync(1))[0];
        var first = Study(node);
        first.AddFindings([new Finding("rule-a", "protocolSection.a", null, "first")]);
        await WriteAsync(writer, 1, first, HashOne);

        await WriteAsync(writer, 2, Study(node), HashOne);

        (await ScalarAsync<string>($"SELECT string_agg(rule || ' ' || coalesce(value, 'null') || ' ' || run_id, ',') FROM {SchemaSql.DefaultSchemaName}.findings")).ShouldBe("rule-a null 1");
    }

    [Fact]
    public async Task WriteBatchAsync_Rejects_GoToQuarantineWithTheBatch()
    {
        var writer = await WriterAsync();
        var reject = new QuarantinedStudy(5, 1234, "NCT00000009", "The study is JSON null.", "$", Encoding.UTF8.GetBytes("null"), HashTwo);

        var result = await writer.WriteBatchAsync(3, [], [reject], TestContext.Current.CancellationToken);

        result.ShouldBe(new BatchWriteResult(0, 0, 0));
        (await ScalarAsync<string>($"SELECT run_id || ' ' || ordinal || ' ' || byte_offset || ' ' || nct_id || ' ' || reason || ' ' || raw_json FROM {SchemaSql.DefaultSchemaName}.quarantine"))
            .ShouldBe("3 5 1234 NCT00000009 The study is JSON null. null");
    }

    [Fact]
    public async Task WriteBatchAsync_StudyPreparedWithoutThisStoresSegments_ThrowsAndWritesNothing()
    {
        var writer = await WriterAsync();
        var node = (await RealStudiesAsync(1))[0];
        var good = writer.Prepare(1, new StoredStudy(Study(node), HashOne, 0));
        var foreign = PreparedStudy.WithoutRows(NctId.Parse("NCT09999999"), HashOne, 1);

        await Should.ThrowAsync<ArgumentException>(() => writer.WriteBatchAsync(1, [good, foreign], [], TestContext.Current.CancellationToken));

        (await ScalarAsync<long>($"SELECT count(*) FROM {SchemaSql.DefaultSchemaName}.studies")).ShouldBe(0);
        good.Release();
    }

    [Fact]
    public async Task CreateOrUpgrade_FindingsTable_IsIndexedByRule()
    {
        await WriterAsync();

        (await ScalarAsync<string>($"SELECT indexdef FROM pg_indexes WHERE schemaname = '{SchemaSql.DefaultSchemaName}' AND tablename = 'findings' AND indexname = 'findings_rule'"))
            .ShouldBe($"CREATE INDEX findings_rule ON {SchemaSql.DefaultSchemaName}.findings USING btree (rule)");
    }

    private async Task<StudyCopyWriter> WriterAsync()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(SchemaSql.CreateOrUpgrade(DatabaseSchema.Default, StudyTables.All), connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _dataSource ??= _database.CreateDataSource();
        return new StudyCopyWriter(_dataSource, TimeProvider.System, DatabaseSchema.Default);
    }

    private static async Task<BatchWriteResult> WriteAsync(StudyCopyWriter writer, long runId, Study study, byte[] hash)
    {
        var prepared = writer.Prepare(runId, new StoredStudy(study, hash, 0));
        try
        {
            return await writer.WriteBatchAsync(runId, [prepared], [], TestContext.Current.CancellationToken);
        }
        finally
        {
            prepared.Release();
        }
    }

    private static async Task<JsonNode[]> RealStudiesAsync(int count) =>
        [.. JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))!.AsArray().Take(count).Select(n => n!)];

    private static Study Study(JsonNode node) =>
        StudyMapper.ToStudy(new StudyDecoder().Decode(Encoding.UTF8.GetBytes(node.ToJsonString())).Record!);

    private static void Release(IEnumerable<PreparedStudy> studies)
    {
        foreach (var study in studies)
        {
            study.Release();
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
