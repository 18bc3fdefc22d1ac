using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>The findings table is described with the others but is derived: it never reads a path of the record.</summary>
public sealed class FindingsTableTests
{
    [Fact]
    public void Findings_Description_HasTheKeyAndColumnsInOrder()
    {
        var findings = StudyTables.All.Single(t => t.Name == "findings");

        findings.ShouldBeSameAs(StudyTables.Findings);
        findings.AllColumns.Select(c => c.Name).ShouldBe(["nct_id", "ord", "rule", "json_path", "value", "message", "run_id"]);
        findings.KeyColumns.Select(c => c.Name).ShouldBe(["nct_id", "ord"]);
        findings.IndexedColumns.ShouldBe(["rule"]);
        findings.Parent.ShouldBeSameAs(StudyTables.Studies);
    }

    [Fact]
    public void Findings_DerivedTable_HasNoSourceAndNoColumnPath()
    {
        var findings = StudyTables.Findings;

        findings.IsDerived.ShouldBeTrue();
        findings.Sources.ShouldBeEmpty();
        findings.ColumnPaths().ShouldBeEmpty();
        StudyTables.All.Where(t => t.IsDerived).ShouldBe([findings]);
    }

    [Fact]
    public void StudySchema_StoredPathsAndFields_AreTheRecordTablesOnly()
    {
        var schema = new StudySchema();
        var recordPaths = StudyTables.All.Where(t => !t.IsDerived).SelectMany(t => t.ColumnPaths()).Select(p => p.JsonPath).ToHashSet(StringComparer.Ordinal);

        schema.StoredPaths.Where(p => p != "protocolSection.identificationModule.nctId").ShouldAllBe(p => recordPaths.Contains(p));
        schema.Fields.ShouldAllBe(f => recordPaths.Contains(f.JsonPath));
    }

    [Fact]
    public void TableComment_DerivedTable_SaysWhereItsRowsComeFrom()
    {
        var comment = SchemaSql.TableComment(StudyTables.Findings);

        comment.ShouldEndWith("Source: derived by the importer.");
    }
}
