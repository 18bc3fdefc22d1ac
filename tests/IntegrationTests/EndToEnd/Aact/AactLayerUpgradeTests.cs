using Clinical.Cli;
using Clinical.Infrastructure.Persistence.Aact;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>
/// A database whose AACT layer an older version made, with eligibilities, designs and participant_flows as full
/// tables (before they became views over stored aggregates): <c>clinical migrate</c> replaces
/// them by this version's layer, with the same rows, computed from the native tables.
/// </summary>
public sealed class AactLayerUpgradeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string OldStamp = "AACT layer: AACT-compatible study tables (docs/aact.md); clinical layer 0000000000000000";
    private static readonly string[] Narrowed = ["eligibilities", "designs", "participant_flows"];
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task Migrate_AnOlderLayerWithTheThreePerStudyTablesWhole_MakesThemViewsOverStoredAggregatesWithTheSameRows()
    {
        // Arrange: this version's layer, its rows kept aside, then turned into the older one: the three as whole tables
        // (with a stale value, which the upgrade must not keep), no tables of aggregates, and an older stamp
        _database.RequireAvailable();
        await _database.ResetAsync();
        await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        foreach (var table in Narrowed)
        {
            await ExecuteAsync($"""
                CREATE TABLE public.expected_{table} AS SELECT * FROM ctgov.{table};
                CREATE TABLE ctgov.{table}_whole AS SELECT * FROM ctgov.{table};
                DROP TABLE ctgov.{table}{AactTable.AggregatesSuffix} CASCADE;
                ALTER TABLE ctgov.{table}_whole RENAME TO {table};
                ALTER TABLE ctgov.{table} ADD PRIMARY KEY (nct_id);
                COMMENT ON TABLE ctgov.{table} IS 'AACT {table}: one per study; rows kept current by every import. See docs/aact.md.';
                """);
        }

        await ExecuteAsync($"UPDATE ctgov.eligibilities SET criteria = 'stale', adult = NOT adult; COMMENT ON SCHEMA ctgov IS '{OldStamp}';");
        (await KindsAsync()).ShouldBe(Narrowed.Select(t => $"{t} r"), ignoreOrder: true);

        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync(["migrate", "--connection", _database.ConnectionString]);

        // Assert: views over the stored aggregates, every row as before, and a layer an import refreshes
        exitCode.ShouldBe(ExitCodes.Success, error);
        (await KindsAsync()).ShouldBe(
            Narrowed.Select(t => $"{t} v").Concat(Narrowed.Select(t => $"{t}{AactTable.AggregatesSuffix} r")), ignoreOrder: true);
        (await _database.StringsAsync("SELECT obj_description('ctgov'::regnamespace, 'pg_namespace')")).ShouldNotBe([OldStamp]);
        foreach (var table in Narrowed)
        {
            var differing = await _database.StringsAsync($"""
                SELECT count(*)::text FROM public.expected_{table} e FULL JOIN ctgov.{table} t ON t.nct_id = e.nct_id
                 WHERE t.nct_id IS NULL OR e.nct_id IS NULL OR to_jsonb(t) <> to_jsonb(e)
                """);
            differing.ShouldBe(["0"], table);
        }

        var reimport = await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        reimport.Unchanged.ShouldBe(200);
    }

    // "name relkind" of the three tables and of their tables of aggregates, as they are in ctgov.
    private Task<List<string>> KindsAsync() => _database.StringsAsync($"""
        SELECT c.relname || ' ' || c.relkind::text FROM pg_class c
         WHERE c.relnamespace = 'ctgov'::regnamespace AND c.relname IN ({string.Join(", ", Narrowed.SelectMany(t => new[] { $"'{t}'", $"'{t}{AactTable.AggregatesSuffix}'" }))})
        """);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
