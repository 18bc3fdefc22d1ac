using Clinical.Infrastructure.Persistence.Aact;

namespace Clinical.IntegrationTests.Infrastructure.Persistence.Aact;

/// <summary>The statements the layer generates for its stored tables (their values are checked on a database by the EndToEnd/Aact tests).</summary>
public sealed class AactLayerSqlTests
{
    private const string Native = "\"registry\"";

    [Fact]
    public void ViewSelect_AViewOverStoredAggregates_ReadsNoChildTableAndTakesTheStoredColumnsFromItsTable()
    {
        var table = AactTables.All.Single(t => t.Name == "eligibilities");

        var select = AactLayerSql.ViewSelect(table, Native);

        select.ShouldEndWith("FROM \"registry\".studies s JOIN ctgov.eligibilities_aggregates agg ON agg.nct_id = s.nct_id");
        select.ShouldContain("(agg.adult)::boolean AS adult,");
        select.ShouldContain("(s.eligibility_criteria)::text AS criteria,");
        select.ShouldNotContain("std_ages");
    }

    [Fact]
    public void ViewSelect_TheWholeStudiesTable_HasNone()
    {
        Should.Throw<ArgumentException>(() => AactLayerSql.ViewSelect(AactTables.All.Single(t => t.Name == "studies"), Native));
    }

    [Fact]
    public void FillSteps_TheStoredTables_StudiesFirstThenTheMostAggregatesFirstWritingOnlyTheStoredTables()
    {
        var steps = AactLayerSql.FillSteps(Native);

        steps.Select(s => s.Table).ShouldBe(["studies", "calculated_values", "eligibilities", "designs", "participant_flows"]);
        steps.ShouldAllBe(s => s.Sql.StartsWith("SET LOCAL jit = off;\nSET LOCAL work_mem = '64MB';\n", StringComparison.Ordinal));
        steps.Skip(2).ShouldAllBe(s => s.Sql.Contains($"INSERT INTO ctgov.{s.Table}_aggregates\n", StringComparison.Ordinal));
        steps[1].Sql.ShouldContain("INSERT INTO ctgov.calculated_values\n");
        steps.ShouldAllBe(s => !s.Sql.Contains("eligibility_criteria)::", StringComparison.Ordinal));
    }

    [Fact]
    public void Refresh_TheStoredTables_DeletesAndInsertsTheChangedStudiesOfEachAndNoView()
    {
        var refresh = AactLayerSql.Refresh(Native);

        refresh.ShouldStartWith("SET LOCAL jit = off;\nSET LOCAL work_mem = '64MB';\n");

        foreach (var table in new[] { "studies", "eligibilities_aggregates", "designs_aggregates", "calculated_values", "participant_flows_aggregates" })
        {
            refresh.ShouldContain($"DELETE FROM ctgov.{table} WHERE nct_id IN (SELECT nct_id FROM aact_changed);");
            refresh.ShouldContain($"INSERT INTO ctgov.{table}\n");
        }

        refresh.ShouldNotContain("INSERT INTO ctgov.eligibilities\n");
    }
}
