using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.UnitTests.TestData;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute.ExceptionExtensions;

namespace Clinical.UnitTests.Application.Studies.Import;

public sealed class ImportStudiesCommandHandlerTests : IDisposable
{
    private const string InputPath = "/data/ctg-studies.json";
    private const long RunId = 42;

    private readonly IStudySource _source = Substitute.For<IStudySource>();
    private readonly IImportPorts _repository;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PreparedStudy, StoredStudy> _prepared;
    private readonly IImportProgress _progress = Substitute.For<IImportProgress>();
    private readonly StudySourceInfo _info = new(InputPath, "json-array", 10_000);
    private readonly PipelineHost _host;

    public ImportStudiesCommandHandlerTests()
    {
        (_repository, _prepared) = RecordingRepository.Create(RunId);
        _source.Describe(InputPath).Returns(_info);
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>())
            .Returns(call => new BatchWriteResult(call.ArgAt<IReadOnlyList<PreparedStudy>>(1).Count, 0, 0));
        _host = new PipelineHost(_repository, source: _source);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Handle_AnyInput_BeginsRunOnceThenWritesThenCompletes()
    {
        GivenInput(Study(0, "NCT00000001"));

        await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken);

        await _repository.Received(1).BeginRunAsync(_info, true, Arg.Any<CancellationToken>());
        Received.InOrder(() =>
        {
            _ = _repository.BeginRunAsync(_info, true, Arg.Any<CancellationToken>());
            _ = _repository.WriteBatchAsync(RunId, Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>());
            _ = _repository.CompleteRunAsync(RunId, Arg.Any<ImportStudiesResult>(), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_FiveStudiesBatchSizeTwo_WritesBatchesOfTwoTwoOne()
    {
        GivenInput([.. Enumerable.Range(0, 5).Select(i => Study(i, $"NCT0000000{i}"))]);
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>()).Returns(
            new BatchWriteResult(2, 0, 11),
            new BatchWriteResult(1, 1, 5),
            new BatchWriteResult(0, 1, 0));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 2, Writers: 1), TestContext.Current.CancellationToken);

        var batches = WrittenBatches();
        batches.Select(b => b.Studies.Count).ShouldBe([2, 2, 1]);
        batches.SelectMany(b => b.Studies).Select(s => s.Ordinal).ShouldBe([0L, 1L, 2L, 3L, 4L]);
        batches.SelectMany(b => b.Studies).Select(s => s.Study.NctId.Value).ShouldBe(["NCT00000000", "NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004"]);
        batches.ShouldAllBe(b => b.Rejects.Count == 0);
        result.Status.ShouldBe(ImportStatus.Succeeded);
        result.RunId.ShouldBe(RunId);
        result.Read.ShouldBe(5);
        result.Written.ShouldBe(3); // 2 + 1 + 0, as the repository reported
        result.Unchanged.ShouldBe(2);
        result.Rows.ShouldBe(16);
        result.Rejected.ShouldBe(0);
        result.Error.ShouldBeNull();
        _progress.Received(3).Report(Arg.Any<ImportProgressSnapshot>());
        await _repository.Received(1).CompleteRunAsync(RunId, result, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_LastBatch_ProgressReportsFinalCounts()
    {
        GivenInput([.. Enumerable.Range(0, 3).Select(i => Study(i, $"NCT0000000{i}"))]);

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 2, Writers: 1), TestContext.Current.CancellationToken);

        var last = (ImportProgressSnapshot)_progress.ReceivedCalls().Last().GetArguments()[0]!;
        last.Read.ShouldBe(3);
        last.Written.ShouldBe(result.Written);
        last.TotalBytes.ShouldBe(_info.SizeBytes);
        last.BytesRead.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Handle_OneInvalidStudy_RejectedInItsBatch()
    {
        GivenInput(
            Study(0, "NCT00000001"),
            Study(1, "NCT123"),
            Study(2, "NCT00000003"));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 10, Writers: 1), TestContext.Current.CancellationToken);

        var batch = WrittenBatches().ShouldHaveSingleItem();
        batch.Studies.Select(s => s.Study.NctId.Value).ShouldBe(["NCT00000001", "NCT00000003"]);
        var reject = batch.Rejects.ShouldHaveSingleItem();
        reject.Ordinal.ShouldBe(1);
        reject.NctId.ShouldBe("NCT123");
        reject.JsonPath.ShouldBe(StudyRecordValidator.NctIdPath);
        result.Read.ShouldBe(3);
        result.Rejected.ShouldBe(1);
        result.Written.ShouldBe(2);
        result.Status.ShouldBe(ImportStatus.Succeeded);
    }

    [Fact]
    public async Task Handle_StudyTheRepositoryCannotEncode_QuarantinedWithReasonOthersWritten()
    {
        GivenInput(Study(0, "NCT00000001"), Study(1, "NCT00000002"));
        _repository.Prepare(Arg.Any<long>(), Arg.Is<StoredStudy>(s => s.Study.NctId.Value == "NCT00000002"))
            .Throws(new OverflowException("Value was either too large or too small for an Int16."));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken);

        var batch = WrittenBatches().ShouldHaveSingleItem();
        batch.Studies.Select(s => s.Study.NctId.Value).ShouldBe(["NCT00000001"]);
        var reject = batch.Rejects.ShouldHaveSingleItem();
        reject.NctId.ShouldBe("NCT00000002");
        reject.Ordinal.ShouldBe(1);
        reject.Reason.ShouldBe("The study's rows could not be encoded: Value was either too large or too small for an Int16.");
        result.Rejected.ShouldBe(1);
        result.Written.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_UnparseableStudy_RejectedWithParserPath()
    {
        GivenInput(
            Study(0, "NCT00000001"),
            new RawStudy(1, 100, 3, Encoding.UTF8.GetBytes("""{"protocolSection":{"identificationModule":{"nctId":"NCT00000002"},"statusModule":{"overallStatus":5}}}""")));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken);

        var reject = WrittenBatches().ShouldHaveSingleItem().Rejects.ShouldHaveSingleItem();
        reject.NctId.ShouldBe("NCT00000002");
        reject.JsonPath.ShouldBe("$.protocolSection.statusModule.overallStatus");
        result.Rejected.ShouldBe(1);
    }

    [Fact]
    public async Task Handle_SameNctIdTwiceInOneBatch_LaterStudyWrittenOnce()
    {
        GivenInput(
            Study(0, "NCT00000001", briefTitle: "first version"),
            Study(1, "NCT00000002"),
            Study(2, "NCT00000001", briefTitle: "second version"));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 10, Writers: 1), TestContext.Current.CancellationToken);

        var studies = WrittenBatches().ShouldHaveSingleItem().Studies;
        studies.Count.ShouldBe(2);
        var duplicate = studies.Where(s => s.Study.NctId.Value == "NCT00000001").ShouldHaveSingleItem();
        duplicate.Ordinal.ShouldBe(2);
        duplicate.Study.ProtocolSection.IdentificationModule!.BriefTitle.ShouldBe("second version");
        result.Read.ShouldBe(3);
        result.Duplicates.ShouldBe(1);
        result.WarningsByRule["duplicate-nct-id"].ShouldBe(1);
        result.Written.ShouldBe(2);
    }

    [Fact]
    public async Task Handle_UnknownCode_StudyWrittenAndWarningCountedByRule()
    {
        GivenInput(new RawStudy(0, 0, 1, Encoding.UTF8.GetBytes(
            """{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"},"statusModule":{"overallStatus":"SOMETHING_NEW"}}}""")));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken);

        WrittenBatches().ShouldHaveSingleItem().Studies.ShouldHaveSingleItem();
        result.Rejected.ShouldBe(0);
        result.Warnings.ShouldBe(1);
        result.WarningsByRule["unknown-code"].ShouldBe(1);
    }

    [Fact]
    public async Task Handle_SourceBreaksAfterThreeStudies_StudiesBeforeTheBreakWrittenAndInputError()
    {
        var broken = new StudySourceException(InputPath, "Unexpected end of data.", byteOffset: 300, line: 4);
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>())
            .Returns(ThenThrow([Study(0, "NCT00000001"), Study(1, "NCT00000002"), Study(2, "NCT00000003")], broken));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 2, Writers: 1), TestContext.Current.CancellationToken);

        WrittenBatches().SelectMany(b => b.Studies).Select(s => s.Study.NctId.Value).ShouldBe(["NCT00000001", "NCT00000002", "NCT00000003"]);
        result.Status.ShouldBe(ImportStatus.InputError);
        result.Error.ShouldBe(broken.Message);
        result.Read.ShouldBe(3);
        result.Written.ShouldBe(3);
        await _repository.Received(1).CompleteRunAsync(RunId, result, Arg.Any<CancellationToken>());
        await _repository.Received(1).CompleteRunAsync(RunId, Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.InputError && r.Error == broken.Message), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_InputWithStructuralFlaws_EveryStudyWrittenAndTheRunSucceedsWithWarnings()
    {
        var comma = new InputWarning(InputWarning.ExtraComma, 150, "a doubled comma between two studies; skipped");
        var trailing = new InputWarning(InputWarning.TrailingData, 420, "data after the array's closing ']' that is no study; ignored to the end of the input");
        GivenInput(Study(0, "NCT00000001"), RawStudy.Note(comma), Study(1, "NCT00000002"), Study(2, "NCT00000003"), RawStudy.Note(trailing));

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 2, Writers: 1), TestContext.Current.CancellationToken);

        WrittenBatches().SelectMany(b => b.Studies).Select(s => s.Study.NctId.Value).ShouldBe(["NCT00000001", "NCT00000002", "NCT00000003"]);
        result.Status.ShouldBe(ImportStatus.SucceededWithWarnings);
        result.Read.ShouldBe(3);
        result.Warnings.ShouldBe(2);
        result.WarningsByRule[InputWarning.ExtraComma].ShouldBe(1);
        result.WarningsByRule[InputWarning.TrailingData].ShouldBe(1);
        result.InputWarnings.ShouldBe([comma, trailing]);
        await _repository.Received(1).CompleteRunAsync(RunId, Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.SucceededWithWarnings), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_CancelledBeforeTheLoop_CancelledAndNothingRead()
    {
        var enumerated = false;
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>()).Returns(Flagging([Study(0, "NCT00000001")], () => enumerated = true));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), cancellation.Token);

        result.Status.ShouldBe(ImportStatus.Cancelled);
        result.Read.ShouldBe(0);
        enumerated.ShouldBeFalse();
        await _repository.DidNotReceive().WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>());
        await _repository.Received(1).CompleteRunAsync(RunId, Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.Cancelled), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_TwoWriters_EachStudyWrittenOnceByTheWriterItsNumberPicks()
    {
        GivenInput([.. Enumerable.Range(0, 6).Select(i => Study(i, $"NCT0000000{i}"))]);

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 6, Writers: 2), TestContext.Current.CancellationToken);

        var batches = WrittenBatches();
        batches.Count.ShouldBe(2);
        batches.ShouldContain(b => b.Studies.All(s => int.Parse(s.Study.NctId.Value.Substring(3)) % 2 == 0) && b.Studies.Count == 3);
        batches.ShouldContain(b => b.Studies.All(s => int.Parse(s.Study.NctId.Value.Substring(3)) % 2 == 1) && b.Studies.Count == 3);
        result.Read.ShouldBe(6);
        result.Written.ShouldBe(6);
    }

    [Fact]
    public async Task Handle_CancelledDuringTheRun_StopsReadingAndWritesWhatWasRead()
    {
        using var cancellation = new CancellationTokenSource();
        var firstBatchWritten = new TaskCompletionSource();
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>()).Returns(GatedInput(firstBatchWritten.Task));
        _progress.When(p => p.Report(Arg.Any<ImportProgressSnapshot>())).Do(_ =>
        {
            cancellation.Cancel();
            firstBatchWritten.TrySetResult();
        });

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 2, Writers: 1), cancellation.Token);

        WrittenBatches().ShouldHaveSingleItem().Studies.Count.ShouldBe(2);
        result.Status.ShouldBe(ImportStatus.Cancelled);
        result.Read.ShouldBe(2);
        result.Written.ShouldBe(2);
    }

    [Fact(Timeout = 30_000)] // not a speed check: without it, the deadlock this test guards against hangs the suite
    public async Task Handle_SourceWaitsUntilTheFirstBatchIsWritten_BatchHandedOnWithoutWaitingForTheNext()
    {
        // A slow source (an API page, a pipe) must not hold back a batch that is ready: it is written before the next
        // one is cut.
        var firstBatchWritten = new TaskCompletionSource();
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>()).Returns(GatedInput(firstBatchWritten.Task));
        _progress.When(p => p.Report(Arg.Any<ImportProgressSnapshot>())).Do(_ => firstBatchWritten.TrySetResult());

        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 2, Writers: 1), TestContext.Current.CancellationToken);

        WrittenBatches().Select(b => b.Studies.Count).ShouldBe([2, 2, 2]);
        result.Written.ShouldBe(6);
        result.Status.ShouldBe(ImportStatus.Succeeded);
    }

    [Fact]
    public async Task Handle_SourceTimesOutLikeHttpClient_RunCompletedAsFailedNotLeftRunning()
    {
        // Arrange: HttpClient's timeout is a TaskCanceledException that no caller asked for
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>()).Returns(ThenThrow([Study(0, "NCT00000001")], timeout));

        // Act
        var act = () => Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken).AsTask();

        // Assert
        var thrown = await act.ShouldThrowAsync<TimeoutException>();
        thrown.Message.ShouldBe(timeout.Message);
        thrown.InnerException.ShouldBeSameAs(timeout);
        await _repository.Received(1).CompleteRunAsync(
            RunId, Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.Failed && r.Error == timeout.Message), Arg.Any<CancellationToken>());
    }

    [Fact(Timeout = 20_000)] // a hang guard, not a speed check: before the fix the source never saw the cancellation
    public async Task Handle_CancelledWhileTheSourceWaits_SourceSeesTheCancellationAndRunEndsCancelled()
    {
        // Arrange: a source blocked like a stdin read or an API backoff, until it is cancelled (or the test times out)
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var waiting = new TaskCompletionSource();
        var sourceCancelled = false;
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>()).Returns(call => Blocking(call.ArgAt<CancellationToken>(1), waiting, () => sourceCancelled = true));

        // Act
        var handling = Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), cancellation.Token).AsTask();
        await waiting.Task.WaitAsync(TestContext.Current.CancellationToken);
        await cancellation.CancelAsync();
        var result = await handling;

        // Assert
        sourceCancelled.ShouldBeTrue();
        result.Status.ShouldBe(ImportStatus.Cancelled);
        await _repository.Received(1).CompleteRunAsync(RunId, Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.Cancelled), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_KeysTakeFiveSecondsAfterTheLastBatch_ElapsedIsTheWholeRunWithTheFinishPhase()
    {
        // Arrange
        var clock = new ManualTimeProvider();
        GivenInput(Study(0, "NCT00000001"));
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                clock.Advance(TimeSpan.FromSeconds(2));
                return new BatchWriteResult(1, 0, 1);
            });
        _repository.FinishLoadAsync(RunId, Arg.Any<CancellationToken>()).Returns(_ =>
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        });

        // Act
        var result = await Handler(clock).Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken);

        // Assert
        result.FinishElapsed.ShouldBe(TimeSpan.FromSeconds(5));
        result.Elapsed.ShouldBe(TimeSpan.FromSeconds(7));
        Received.InOrder(() =>
        {
            _ = _repository.FinishLoadAsync(RunId, Arg.Any<CancellationToken>());
            _ = _repository.CompleteRunAsync(RunId, result, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_FirstWriteFails_ReaderStopsPreparingStudies()
    {
        // Arrange: 1,000 studies in batches of 10; the first write fails
        GivenInput([.. Enumerable.Range(0, 1_000).Select(i => Study(i, $"NCT{i:D8}"))]);
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("The database went away."));

        // Act
        var act = () => Handler().Handle(new ImportStudiesCommand(InputPath, BatchSize: 10, Writers: 1), TestContext.Current.CancellationToken).AsTask();

        // Assert: only the few batches already in flight were prepared (each stage holds at most one), not the input
        await act.ShouldThrowAsync<InvalidOperationException>();
        _prepared.Count.ShouldBeLessThanOrEqualTo(100);
    }

    private static async IAsyncEnumerable<RawStudy> Blocking([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, TaskCompletionSource waiting, Action onCancelled)
    {
        yield return Study(0, "NCT00000001");
        try
        {
            waiting.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            onCancelled();
        }

        yield return Study(1, "NCT00000002");
    }

    /// <summary>Two studies, then the rest only once the first batch is written (and cancellation requested).</summary>
    private static async IAsyncEnumerable<RawStudy> GatedInput(Task gate)
    {
        yield return Study(0, "NCT00000000");
        yield return Study(1, "NCT00000001");
        await gate;
        for (var i = 2; i < 6; i++)
        {
            yield return Study(i, $"NCT0000000{i}");
        }
    }

    [Fact]
    public async Task Handle_RepositoryThrows_ExceptionPropagatesAndRunCompletedAsFailed()
    {
        GivenInput(Study(0, "NCT00000001"));
        var failure = new InvalidOperationException("The database went away.");
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>()).ThrowsAsync(failure);

        var act = () => Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken).AsTask();

        var thrown = await act.ShouldThrowAsync<InvalidOperationException>();
        thrown.ShouldBeSameAs(failure);
        await _repository.Received(1).CompleteRunAsync(
            RunId,
            Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.Failed && r.Error == "The database went away."),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_FullFileWithDataAfterTheArraysEnd_MarksNoStudyDeleted()
    {
        // Arrange: `][` between two arrays: what follows the first one is ignored, so absent studies may only have been skipped
        var trailing = new InputWarning(InputWarning.TrailingData, 420, "data after the array's closing ']' that is no study; ignored to the end of the input");
        GivenInput(Study(0, "NCT00000001"), RawStudy.Note(trailing));

        // Act
        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1, Full: true), TestContext.Current.CancellationToken);

        // Assert
        result.Status.ShouldBe(ImportStatus.SucceededWithWarnings);
        result.Deleted.ShouldBe(0);
        await _repository.DidNotReceive().MarkAbsentStudiesDeletedAsync(Arg.Any<long>(), Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_FullFileWithADoubledCommaOnly_StillMarksTheAbsentStudiesDeleted()
    {
        // Arrange: a doubled comma costs no study, so the read is still the whole registry
        var comma = new InputWarning(InputWarning.ExtraComma, 150, "a doubled comma between two studies; skipped");
        GivenInput(Study(0, "NCT00000001"), RawStudy.Note(comma), Study(1, "NCT00000002"));
        _repository.MarkAbsentStudiesDeletedAsync(RunId, Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns(5L);

        // Act
        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1, Full: true), TestContext.Current.CancellationToken);

        // Assert
        result.Status.ShouldBe(ImportStatus.SucceededWithWarnings);
        result.Deleted.ShouldBe(5);
    }

    [Fact]
    public async Task Handle_FullFileReadWhole_MarksTheAbsentStudiesDeleted()
    {
        // Arrange
        GivenInput(Study(0, "NCT00000001"), Study(1, "NCT00000002"));
        _repository.MarkAbsentStudiesDeletedAsync(RunId, Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>()).Returns(5L);

        // Act
        var result = await Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1, Full: true), TestContext.Current.CancellationToken);

        // Assert
        result.Status.ShouldBe(ImportStatus.Succeeded);
        result.Deleted.ShouldBe(5);
        await _repository.Received(1).MarkAbsentStudiesDeletedAsync(RunId, Arg.Is<IReadOnlyCollection<string>>(seen => seen.Order().SequenceEqual(new[] { "NCT00000001", "NCT00000002" })), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_LoadsEndFailsAfterEveryBatchWasWritten_RunCompletedAsFailedNotLeftRunning()
    {
        // Arrange
        GivenInput(Study(0, "NCT00000001"));
        var failure = new InvalidOperationException("The database went away while the keys were built.");
        _repository.FinishLoadAsync(RunId, Arg.Any<CancellationToken>()).ThrowsAsync(failure);

        // Act
        var act = () => Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken).AsTask();

        // Assert
        (await act.ShouldThrowAsync<InvalidOperationException>()).ShouldBeSameAs(failure);
        await _repository.Received(1).CompleteRunAsync(
            RunId,
            Arg.Is<ImportStudiesResult>(r => r.Status == ImportStatus.Failed && r.Error == failure.Message && r.Written == 1),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_RepositoryThrowsAndCompletingFails_OriginalExceptionPropagates()
    {
        GivenInput(Study(0, "NCT00000001"));
        var failure = new InvalidOperationException("The database went away.");
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>()).ThrowsAsync(failure);
        _repository.CompleteRunAsync(Arg.Any<long>(), Arg.Any<ImportStudiesResult>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("Still away."));

        var act = () => Handler().Handle(new ImportStudiesCommand(InputPath, Writers: 1), TestContext.Current.CancellationToken).AsTask();

        (await act.ShouldThrowAsync<InvalidOperationException>()).ShouldBeSameAs(failure);
    }

    private ImportStudiesCommandHandler Handler(TimeProvider? timeProvider = null) => new(
        _source,
        _repository,
        _repository,
        new ReaderStage(_source, _repository, _host.Processor),
        _progress,
        timeProvider ?? TimeProvider.System,
        NullLogger<ImportStudiesCommandHandler>.Instance);

    private void GivenInput(params RawStudy[] studies) =>
        _source.ReadAsync(InputPath, Arg.Any<CancellationToken>()).Returns(studies.ToAsyncEnumerable());

    /// <summary>The (studies, rejects) of every WriteBatchAsync call, in call order; the handler hands over a fresh list per batch.</summary>
    private List<(IReadOnlyList<StoredStudy> Studies, IReadOnlyList<QuarantinedStudy> Rejects)> WrittenBatches() =>
    [
        .. _repository.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(IStudyStore.WriteBatchAsync))
            .Select(call => (
                (IReadOnlyList<StoredStudy>)[.. ((IReadOnlyList<PreparedStudy>)call.GetArguments()[1]!).Select(p => _prepared[p])],
                (IReadOnlyList<QuarantinedStudy>)call.GetArguments()[2]!)),
    ];

    private static RawStudy Study(long ordinal, string nctId, string? briefTitle = null)
    {
        var title = briefTitle is null ? string.Empty : $",\"briefTitle\":\"{briefTitle}\"";
        var json = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nctId + "\"" + title + "}}}";
        return new RawStudy(ordinal, ordinal * 100, ordinal + 2, Encoding.UTF8.GetBytes(json));
    }

    private static async IAsyncEnumerable<RawStudy> ThenThrow(IEnumerable<RawStudy> studies, Exception failure)
    {
        foreach (var study in studies)
        {
            await Task.Yield();
            yield return study;
        }

        throw failure;
    }

    private static async IAsyncEnumerable<RawStudy> Flagging(IEnumerable<RawStudy> studies, Action onFirstRead)
    {
        onFirstRead();
        foreach (var study in studies)
        {
            await Task.Yield();
            yield return study;
        }
    }
}
