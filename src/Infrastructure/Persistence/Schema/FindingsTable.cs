using Clinical.Domain.Studies;
using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>
/// The findings table: one row per <see cref="Finding"/> of a study (a broken soft invariant or an unexpected value),
/// derived by the importer, not read from a JSON array. Its rows are written with the study's other rows, so a replaced
/// study's findings are replaced with it and an unchanged study keeps its own.
/// </summary>
internal sealed class FindingsTable : Table<Finding>
{
    public FindingsTable(string name, string description, Table<Study> studies)
        : base(name, description, studies, null, "ord")
    {
        Add(new TextColumn<Finding>(new ColumnInfo("rule", SqlTypes.Text, null, "stable name of the rule the study breaks (e.g. affected-exceeds-at-risk)"), f => f.Rule));
        Add(new TextColumn<Finding>(new ColumnInfo("json_path", SqlTypes.Text, null, "where in the record, with array indices (e.g. resultsSection.adverseEventsModule.seriousEvents[3].stats[0])"), f => f.JsonPath));
        Add(new TextColumn<Finding>(new ColumnInfo("value", SqlTypes.Text, null, "the offending value as sent, if there is one"), f => f.Value));
        Add(new TextColumn<Finding>(new ColumnInfo("message", SqlTypes.Text, null, "what is wrong, in a sentence"), f => f.Message));
    }

    public override IReadOnlyList<TableSource> Sources { get; } = [];

    public override bool IsDerived => true;

    public override IReadOnlyList<string> IndexedColumns { get; } = ["rule"];

    private protected override IEnumerable<ColumnInfo> ExtraColumns =>
    [
        new("run_id", SqlTypes.BigInt, null, "import_runs.run_id of the run that found it (the run that last wrote the study)"),
    ];

    internal override void Visit(Study study, RowVisitor visit)
    {
        var findings = study.Findings;
        for (var ordinal = 0; ordinal < findings.Count; ordinal++)
        {
            visit(findings[ordinal], default(RowKey).Push(ordinal));
        }
    }

    private protected override void WriteExtra(BinaryCopyBuffer buffer, StudyLineage lineage) => buffer.WriteInt64(lineage.RunId);
}
