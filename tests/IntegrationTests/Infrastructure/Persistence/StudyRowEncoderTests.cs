using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence.Copy;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>A study's prepared rows are, table by table, exactly what the table writes for it.</summary>
public sealed class StudyRowEncoderTests
{
    private static readonly StudyLineage Lineage = new(7, new byte[32], new DateTime(2026, 11, 26, 12, 0, 0));

    [Fact]
    public async Task Encode_RealStudies_EachSegmentIsThatTablesRowsAndCountsAdd()
    {
        var tables = StudyTables.All;
        var buffer = new BinaryCopyBuffer();
        var ordinal = 0L;
        await foreach (var raw in new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken))
        {
            var study = StudyMapper.ToStudy(new StudyDecoder().Decode(raw.Utf8.Span).Record!);
            var prepared = StudyRowEncoder.Encode(tables, new StoredStudy(study, Lineage.ContentSha256, ordinal), Lineage);

            long rows = 0;
            prepared.Segments.ShouldBe(tables.Count);
            for (var t = 0; t < tables.Count; t++)
            {
                buffer.ClearRows();
                rows += tables[t].WriteRows(buffer, study, Lineage);
                prepared.Segment(t).ToArray().ShouldBe(buffer.Data.ToArray(), $"{study.NctId} {tables[t].Name}");
            }

            prepared.Rows.ShouldBe(rows);
            prepared.NctId.ShouldBe(study.NctId);
            prepared.Ordinal.ShouldBe(ordinal++);
            prepared.Release();
        }

        ordinal.ShouldBe(200);
    }

    [Fact]
    public async Task Encode_StudyWithFindings_FindingsSegmentHoldsOneRowPerFinding()
    {
        var raw = await new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);
        var study = StudyMapper.ToStudy(new StudyDecoder().Decode(raw.Utf8.Span).Record!);
        var withoutFindings = StudyRowEncoder.Encode(StudyTables.All, new StoredStudy(study, Lineage.ContentSha256, 0), Lineage);
        study.AddFindings([new Finding("rule-a", "protocolSection.x", "1", "first"), new Finding("rule-b", "protocolSection.y", null, "second")]);

        var prepared = StudyRowEncoder.Encode(StudyTables.All, new StoredStudy(study, Lineage.ContentSha256, 0), Lineage);

        var findings = StudyTables.All.Count - 1;
        StudyTables.All[findings].Name.ShouldBe("findings");
        prepared.Rows.ShouldBe(withoutFindings.Rows + 2);
        prepared.Segment(findings).IsEmpty.ShouldBeFalse();
        withoutFindings.Segment(findings).IsEmpty.ShouldBeTrue();
        prepared.Release();
        withoutFindings.Release();
    }

    [Fact]
    public async Task Release_Twice_RowsGoneSecondReleaseHarmless()
    {
        var raw = await new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);
        var study = StudyMapper.ToStudy(new StudyDecoder().Decode(raw.Utf8.Span).Record!);
        var prepared = StudyRowEncoder.Encode(StudyTables.All, new StoredStudy(study, Lineage.ContentSha256, 0), Lineage);

        prepared.Release();
        prepared.Release();

        Should.Throw<ObjectDisposedException>(() => prepared.Segment(0)).Message.ShouldContain(study.NctId.Value);
    }
}
