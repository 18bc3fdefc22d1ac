using Clinical.Infrastructure.Persistence.Aact;
using Clinical.IntegrationTests.TestData;

namespace Clinical.IntegrationTests.Infrastructure.Persistence.Aact;

/// <summary>The AACT description against AACT's own DDL (tests/fixtures/aact/aact-columns.tsv, from db/structure.sql).</summary>
public sealed class AactTablesTests
{
    /// <summary>Columns we add beyond AACT's 2024 DDL, at the end of their table (docs/aact.md says why).</summary>
    private static readonly string[] Additions = ["facilities.latitude", "facilities.longitude"];

    private static readonly Lazy<ILookup<string, (string Column, string Type)>> AactColumns = new(() =>
        File.ReadLines(TestFixtures.AactColumnsPath)
            .Where(line => !line.StartsWith('#') && !line.StartsWith("table\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .ToLookup(f => f[0], f => (f[1], f[2])));

    [Fact]
    public void All_TableNames_AreAactsFortySixStudyTables()
    {
        var ours = AactTables.All.Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();

        ours.Length.ShouldBe(46);
        ours.ShouldBe(AactColumns.Value.Select(g => g.Key).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void All_EveryTable_HasAactsColumnsInAactsOrder()
    {
        foreach (var table in AactTables.All)
        {
            var ours = table.Columns.Select(c => c.Name).Where(c => !Additions.Contains($"{table.Name}.{c}")).ToArray();

            ours.ShouldBe(AactColumns.Value[table.Name].Select(c => c.Column).ToArray(), $"ctgov.{table.Name}");
        }
    }

    [Fact]
    public void All_EveryColumnType_IsAactsOrABigintId()
    {
        var mismatches = new List<string>();
        foreach (var table in AactTables.All)
        {
            foreach (var (column, type) in AactColumns.Value[table.Name])
            {
                var ours = table.Columns.Single(c => c.Name == column).Type;
                var isId = column == "id" || column.EndsWith("_id", StringComparison.Ordinal) && column != "nct_id";
                if (ours != type && !(isId && ours == "bigint"))
                {
                    mismatches.Add($"{table.Name}.{column}: {ours}, AACT {type}");
                }
            }
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void All_EveryIdColumn_IsTheStableBigintId()
    {
        var ids = AactTables.All.SelectMany(t => t.Columns.Where(c => c.Name == "id").Select(c => (t.Name, c))).ToArray();

        ids.Length.ShouldBe(45); // every table but studies
        ids.ShouldAllBe(i => i.c.Type == "bigint" && i.c.Expression.Contains("<< 36", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_EveryTable_IsAViewButStudiesCalculatedValuesAndTheThreeWithPerStudyAggregates()
    {
        var stored = AactTables.All.Where(t => t.Storage != AactStorage.View).ToDictionary(t => t.Name, t => (t.Storage, t.StoredName));

        stored.ShouldBe(new Dictionary<string, (AactStorage, string?)>
        {
            ["studies"] = (AactStorage.Table, "studies"),
            ["eligibilities"] = (AactStorage.StoredAggregates, "eligibilities_aggregates"),
            ["designs"] = (AactStorage.StoredAggregates, "designs_aggregates"),
            ["calculated_values"] = (AactStorage.Table, "calculated_values"),
            ["participant_flows"] = (AactStorage.StoredAggregates, "participant_flows_aggregates"),
        });
    }

    /// <summary>What an import copies: nct_id and the columns that read a per-study aggregate; the rest the view computes from studies.</summary>
    [Theory]
    [InlineData("eligibilities", "a", "nct_id adult child older_adult")]
    [InlineData("designs", "w", "nct_id subject_masked caregiver_masked investigator_masked outcomes_assessor_masked")]
    [InlineData("participant_flows", "g", "nct_id")]
    public void StoredColumns_AViewOverStoredAggregates_AreNctIdAndTheColumnsReadingAnAggregate(string name, string aliases, string columns)
    {
        var table = AactTables.All.Single(t => t.Name == name);

        table.AggregateAliases.ShouldBe(aliases.Split(' '));
        table.StoredColumns.Select(c => c.Name).ShouldBe(columns.Split(' '));
    }

    [Fact]
    public void StoredColumns_TheWholeTablesAndTheViews_AreEveryColumnAndNone()
    {
        var studies = AactTables.All.Single(t => t.Name == "studies");

        var calculated = AactTables.All.Single(t => t.Name == "calculated_values");

        studies.StoredColumns.ShouldBe(studies.Columns);
        studies.AggregateAliases.ShouldBe(["p", "a"]);
        calculated.StoredColumns.ShouldBe(calculated.Columns);
        calculated.AggregateAliases.ShouldBe(["f", "o", "ae"]);
        AactTables.All.Where(t => t.Storage == AactStorage.View).ShouldAllBe(t => t.StoredColumns.Count == 0 && t.StoredName == null);
    }

    [Fact]
    public void Id_OrdinalPathWiderThanThirtySixBits_IsRefused()
    {
        Should.Throw<ArgumentException>(() => AactSql.Id("x.nct_id", ("x.a", 20), ("x.b", 17)));
    }

    [Fact]
    public void Markdown_GeneratedFromTheDescription_IsInDocsAactMd()
    {
        var committed = PostgresServer.RepositoryFile("docs/aact.md");
        committed.ShouldNotBeNull("docs/aact.md is missing");

        var generated = AactMapping.Markdown();

        var current = File.ReadAllText(committed).Contains(generated, StringComparison.Ordinal);
        if (!current)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "aact-mapping.md"), generated);
        }

        current.ShouldBeTrue($"docs/aact.md's mapping is stale: replace the part between its markers with {Path.Combine(Path.GetTempPath(), "aact-mapping.md")}");
    }

    [Fact]
    public void Markdown_EveryTableAndColumn_IsListed()
    {
        var markdown = AactMapping.Markdown();

        foreach (var table in AactTables.All)
        {
            markdown.ShouldContain($"### `ctgov.{table.Name}`");
            foreach (var column in table.Columns)
            {
                markdown.ShouldContain($"| `{column.Name}` |");
            }
        }
    }
}
