using System.Text.RegularExpressions;
using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Aact;
using Clinical.Infrastructure.Persistence.History;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>
/// <c>clinical schema --citus</c>: every table keyed by nct_id is distributed once, co-located with studies; the run ledger
/// is a reference table; and the keys of a migrated database satisfy Citus (every primary key and unique index holds
/// nct_id, no foreign keys), so the script covers every table migrate creates.
/// </summary>
public sealed partial class CitusLayoutTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public void Statements_TheDescription_DistributesEveryStudyTableOnceByNctIdColocatedWithStudies()
    {
        var statements = CitusLayout.Statements(DatabaseSchema.Default, StudyTables.All, AactTables.All);

        var distributed = statements.Select(s => Distributed().Match(s)).Where(m => m.Success).ToList();
        string[] expected =
        [
            .. StudyTables.All.Select(t => DatabaseSchema.Default.Qualified(t.Name)),
            DatabaseSchema.Default.Qualified(HistorySql.VersionsTable),
            "ctgov.studies", "ctgov.calculated_values", // whole, and the stored aggregates behind three views
            "ctgov.eligibilities_aggregates", "ctgov.designs_aggregates", "ctgov.participant_flows_aggregates",
        ];
        distributed.Select(m => m.Groups["table"].Value).ShouldBe(expected, ignoreOrder: true);
        distributed.Select(m => m.Groups["table"].Value).ShouldBeUnique();
        distributed.ShouldAllBe(m => m.Groups["column"].Value == "nct_id");
        statements[0].ShouldBe("SELECT create_distributed_table('\"registry\".studies', 'nct_id');");
        distributed.Skip(1).ShouldAllBe(m => m.Groups["colocate"].Value == "\"registry\".studies");
        StudyTables.All.ShouldAllBe(t => t.KeyColumns[0].Name == "nct_id");
        AactTables.All.Where(t => t.StoredName is not null).ShouldAllBe(t => t.StoredColumns.Any(c => c.Name == "nct_id"));
        statements.Where(s => s.Contains("create_reference_table", StringComparison.Ordinal)).ShouldBe(["SELECT create_reference_table('\"registry\".import_runs');"]);
        statements.ShouldNotContain(s => s.Contains("quarantine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchemaCitus_AnotherSchema_PrintsTheScriptForItWithoutADatabase()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["schema", "--citus", "--schema", "trials"], new Dictionary<string, string> { ["DBPORT"] = "1" });

        exitCode.ShouldBe(ExitCodes.Success, error);
        output.ShouldStartWith("-- Citus: the native schema trials and the AACT layer (ctgov) distributed by study.");
        output.ShouldContain("SELECT create_distributed_table('\"trials\".outcome_measurements', 'nct_id', colocate_with => '\"trials\".studies');");
        output.ShouldContain("SELECT create_distributed_table('ctgov.studies', 'nct_id', colocate_with => '\"trials\".studies');");
        output.ShouldContain("SELECT create_reference_table('\"trials\".import_runs');");
        output.ShouldNotContain("registry");
    }

    /// <summary>The claim the script rests on, checked on the DDL migrate really runs rather than on the description.</summary>
    [Fact]
    public async Task Migrate_EveryTableOfBothSchemas_SatisfiesCitusAndIsInTheScript()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        (await CliRunner.RunAsync(["migrate", "--connection", _database.ConnectionString])).ExitCode.ShouldBe(ExitCodes.Success);

        var tables = await _database.StringsAsync("""
            SELECT quote_ident(n.nspname) || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname IN ('registry', 'ctgov') AND c.relkind IN ('r', 'p') ORDER BY 1
            """);
        // Tables with a primary key, unique constraint or unique index that lacks nct_id, or with a foreign key.
        var withoutNctIdKey = await _database.StringsAsync("""
            SELECT n.nspname || '.' || r.relname FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
             WHERE n.nspname IN ('registry', 'ctgov') AND c.contype IN ('p', 'u', 'f', 'x')
               AND (c.contype = 'f' OR NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) AND a.attname = 'nct_id'))
            UNION
            SELECT n.nspname || '.' || r.relname FROM pg_index i JOIN pg_class r ON r.oid = i.indrelid JOIN pg_namespace n ON n.oid = r.relnamespace
             WHERE n.nspname IN ('registry', 'ctgov') AND i.indisunique
               AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) AND a.attname = 'nct_id')
            ORDER BY 1
            """);

        var script = CitusLayout.Script(DatabaseSchema.Default, StudyTables.All, AactTables.All);
        tables.Where(t => !script.Contains($"'{(t.StartsWith("registry.", StringComparison.Ordinal) ? "\"registry\"" + t[8..] : t)}'", StringComparison.Ordinal))
            .ShouldBe(["registry.quarantine"]);
        withoutNctIdKey.ShouldBe(["registry.import_runs", "registry.quarantine"]);
    }

    [GeneratedRegex(@"^SELECT create_distributed_table\('(?<table>[^']+)', '(?<column>[^']+)'(, colocate_with => '(?<colocate>[^']+)')?\);$")]
    private static partial Regex Distributed();
}
