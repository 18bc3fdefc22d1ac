using Clinical.Domain.Studies;
using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>
/// The studies table: one row per study, with the run that last wrote it, the hash of its raw JSON, and what of the JSON's
/// shape the columns cannot hold.
/// </summary>
internal sealed class StudiesTable(string name, string description) : Table<Study>(name, description, null, null, null)
{
    /// <summary>The column that holds what the other columns cannot say about the record's JSON (see <see cref="StudyLineage.JsonShape"/>).</summary>
    public const string JsonShapeColumn = "json_shape";

    public override IReadOnlyList<TableSource> Sources { get; } = [new TableSource("$", null)];

    private protected override IEnumerable<ColumnInfo> ExtraColumns =>
    [
        new("content_sha256", SqlTypes.Bytea, null, "SHA-256 of the study's raw JSON text as read from the input"),
        new("import_run_id", SqlTypes.BigInt, null, "import_runs.run_id of the run that last wrote the study"),
        new("imported_at", SqlTypes.Timestamp, null, "when that run read and encoded it (UTC), moments before it was written"),
        new(JsonShapeColumn, SqlTypes.Jsonb, null, "what no other column can hold, so that `clinical export` gives the record back as sent: empty objects and arrays and explicit nulls by JSON path (`empty`), ignored keys that held a verbatim copy of another (`copies`); null for most studies"),
    ];

    internal override void Visit(Study study, RowVisitor visit) => visit(study, default);

    private protected override void WriteExtra(BinaryCopyBuffer buffer, StudyLineage lineage)
    {
        buffer.WriteBytes(lineage.ContentSha256);
        buffer.WriteInt64(lineage.RunId);
        buffer.WriteTimestamp(lineage.ImportedAt);
        if (lineage.JsonShape is { } shape)
        {
            buffer.WriteJsonb(shape);
        }
        else
        {
            buffer.WriteNull();
        }
    }
}
