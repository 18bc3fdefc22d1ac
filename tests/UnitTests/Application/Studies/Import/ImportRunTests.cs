using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Import;

public class ImportRunTests
{
    private static readonly StudySourceInfo Info = new("/data/ctg-studies.json", "json-array", 1_000);

    [Fact]
    public async Task Counters_UpdatedFromEightThreadsAtOnce_NoCountIsLost()
    {
        // Arrange
        var run = new ImportRun(1, Info, 0, trackSeen: true);
        var finding = new Finding("unknown-code", "protocolSection.statusModule.overallStatus", "X", "not a Status");
        var stored = new StoredStudy(new Study(new ProtocolSection { IdentificationModule = new IdentificationModule { NctId = NctId.Parse("NCT00000002") } }, null, null, null, null, null), new byte[32], 2);
        ProcessedStudy[] batch = [ProcessedStudy.Unchanged("NCT00000001"), ProcessedStudy.Rejected(Reject()), new("NCT00000002", PreparedStudies.Of(stored), null, [finding])];

        // Act: the dispatcher counts reads and duplicates while the writers count what they wrote
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                run.CountRead(batch, bytesRead: i);
                run.CountDuplicate();
                run.CountWritten(new BatchWriteResult(2, 1, 7), 0, 0, TimeSpan.Zero);
            }
        })));

        // Assert
        var result = run.ToResult(TimeSpan.FromSeconds(1));
        result.Read.ShouldBe(240_000);
        result.Rejected.ShouldBe(80_000);
        result.Unchanged.ShouldBe(80_000 + 80_000);
        result.Duplicates.ShouldBe(80_000);
        result.Written.ShouldBe(160_000);
        result.Rows.ShouldBe(560_000);
        result.Warnings.ShouldBe(160_000);
        result.WarningsByRule["unknown-code"].ShouldBe(80_000);
        result.WarningsByRule[ImportRun.DuplicateNctId].ShouldBe(80_000);
        run.Seen.ShouldBe(["NCT00000001", "NCT123", "NCT00000002"], ignoreOrder: true); // a rejected study is still in the input
    }

    [Fact]
    public void End_SecondEnding_FirstOneWins()
    {
        // Arrange
        var run = new ImportRun(1, Info, 0, trackSeen: false);

        // Act
        run.End(ImportStatus.InputError, "Unexpected end of data.");
        run.End(ImportStatus.Cancelled);

        // Assert
        run.Status.ShouldBe(ImportStatus.InputError);
        run.ToResult(TimeSpan.Zero).Error.ShouldBe("Unexpected end of data.");
    }

    [Fact]
    public void ToResult_FinishPhase_CarriedBesideTheWholeElapsed()
    {
        // Arrange
        var run = new ImportRun(1, Info, 0, trackSeen: false);

        // Act
        var result = run.ToResult(TimeSpan.FromSeconds(400), TimeSpan.FromSeconds(80));

        // Assert
        result.Elapsed.ShouldBe(TimeSpan.FromSeconds(400));
        result.FinishElapsed.ShouldBe(TimeSpan.FromSeconds(80));
        result.Status.ShouldBe(ImportStatus.Succeeded);
    }

    [Fact]
    public void CountInputWarnings_MoreThanAreListed_CountsEveryOneByRuleAndListsTheFirst()
    {
        // Arrange
        var run = new ImportRun(1, Info, 0, trackSeen: false);
        var warnings = Enumerable.Range(0, ImportRun.ListedInputWarnings + 5)
            .Select(i => new InputWarning(i % 2 == 0 ? InputWarning.ExtraComma : InputWarning.StrayBrace, i * 10L, "skipped"))
            .ToList();

        // Act
        var listedFirst = run.CountInputWarnings(warnings[..10]);
        var listedThen = run.CountInputWarnings(warnings[10..]);

        // Assert
        listedFirst.Count.ShouldBe(10);
        listedThen.Count.ShouldBe(ImportRun.ListedInputWarnings - 10);
        run.HasInputWarnings.ShouldBeTrue();
        var result = run.ToResult(TimeSpan.Zero);
        result.Warnings.ShouldBe(warnings.Count);
        result.WarningsByRule[InputWarning.ExtraComma].ShouldBe(53);
        result.WarningsByRule[InputWarning.StrayBrace].ShouldBe(52);
        result.InputWarnings.ShouldNotBeNull().Select(w => w.ByteOffset).ShouldBe(warnings.Take(ImportRun.ListedInputWarnings).Select(w => w.ByteOffset));
    }

    private static QuarantinedStudy Reject() => new(3, 300, "NCT123", "not an NCT number", "protocolSection.identificationModule.nctId", new byte[] { 1 }, new byte[32]);
}
