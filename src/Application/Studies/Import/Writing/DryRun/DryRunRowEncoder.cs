namespace Clinical.Application.Studies.Import.DryRun;

/// <summary>The row encoder of a dry run: the study was read, parsed, validated and mapped; no rows are encoded for it.</summary>
public sealed class DryRunRowEncoder : IStudyRowEncoder
{
    public PreparedStudy Prepare(long runId, StoredStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return PreparedStudy.WithoutRows(study.Study.NctId, study.ContentSha256, study.Ordinal);
    }
}
