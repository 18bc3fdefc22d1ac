using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence.Copy;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>A study's prepared rows are, table by table, exactly what the table writes for it.</summary>
public sealed class EncodedStudyTests
{
    private static readonly StudyLineage Lineage = new(7, new byte[32], new DateTime(2026, 11, 26, 12, 0, 0));

    [Fact]
    public async Task Encode_RealStudies_EachTableSliceIsThatTablesRowsAndCountsAdd()
    {
        var tables = StudyTables.All;
        var buffer = new BinaryCopyBuffer();
        var ordinal = 0L;
        await foreach (var raw in new StudyFileSource().ReadAsync(SharedData.RealStudiesPath, TestContext.Current.CancellationToken))
        {
            var study = StudyMapper.ToStudy(new JsonStudyRecordParser().Parse(raw.Utf8.Span).Record!);
            var encoded = EncodedStudy.Encode(tables, new StoredStudy(study, Lineage.ContentSha256, ordinal++), Lineage);

            long rows = 0;
            for (var t = 0; t < tables.Count; t++)
            {
                buffer.ClearRows();
                rows += tables[t].WriteRows(buffer, study, Lineage);
                encoded.RowsOf(t).ToArray().ShouldBe(buffer.Data.ToArray(), $"{study.NctId} {tables[t].Name}");
            }

            encoded.Rows.ShouldBe(rows);
            encoded.NctId.ShouldBe(study.NctId);
            encoded.Release();
        }

        ordinal.ShouldBe(200);
    }

    [Fact]
    public async Task Release_Twice_RowsGoneSecondReleaseHarmless()
    {
        var raw = await new StudyFileSource().ReadAsync(SharedData.RealStudiesPath, TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);
        var study = StudyMapper.ToStudy(new JsonStudyRecordParser().Parse(raw.Utf8.Span).Record!);
        var encoded = EncodedStudy.Encode(StudyTables.All, new StoredStudy(study, Lineage.ContentSha256, 0), Lineage);

        encoded.Release();
        encoded.Release();

        Should.Throw<ObjectDisposedException>(() => encoded.RowsOf(0)).Message.ShouldContain(study.NctId.Value);
    }
}
