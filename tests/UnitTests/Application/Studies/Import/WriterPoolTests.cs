using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;
using NSubstitute.ExceptionExtensions;

namespace Clinical.UnitTests.Application.Studies.Import;

public class WriterPoolTests
{
    private readonly IImportPorts _repository;
    private readonly IImportProgress _progress = Substitute.For<IImportProgress>();
    private readonly ImportRun _run = new(7, new StudySourceInfo("in.json", "json-array", null), 0, trackSeen: false);

    public WriterPoolTests() => (_repository, _) = RecordingRepository.Create();

    [Fact]
    public async Task DispatchAsync_ThreeWriters_EachStudyGoesToTheWriterItsNumberPicks()
    {
        // Arrange
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 3, batchSize: 1);

        // Act
        await pool.DispatchAsync(Batch([.. Enumerable.Range(1, 9).Select(i => Prepared(i, i))]), readSoFar: 9);
        await pool.CompleteAsync();

        // Assert
        var batches = Written();
        batches.Count.ShouldBe(3);
        foreach (var batch in batches)
        {
            batch.Select(s => int.Parse(s.NctId.Value.AsSpan(3)) % 3).Distinct().ShouldHaveSingleItem();
            batch.Count.ShouldBe(3);
        }

        _run.ToResult(TimeSpan.Zero).Written.ShouldBe(9);
        _progress.Received(3).Report(Arg.Any<ImportProgressSnapshot>());
    }

    [Fact]
    public async Task DispatchAsync_SameStudyTwiceInABatch_LastVersionWrittenAndDuplicateCounted()
    {
        // Arrange
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 2, batchSize: 1);

        // Act
        await pool.DispatchAsync(Batch(Prepared(4, ordinal: 0), Prepared(5, ordinal: 1), Prepared(4, ordinal: 2)), readSoFar: 3);
        await pool.CompleteAsync();

        // Assert
        Written().SelectMany(b => b).Select(s => (s.NctId.Value, s.Ordinal)).ShouldBe([("NCT00000004", 2L), ("NCT00000005", 1L)], ignoreOrder: true);
        _run.ToResult(TimeSpan.Zero).Duplicates.ShouldBe(1);
    }

    [Fact]
    public async Task DispatchAsync_ChangedCopyThenACopyEqualToTheStoredStudy_WritesNothingForItAndCountsADuplicate()
    {
        // Arrange: the stored version comes last in the batch, after an older, different copy
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 2, batchSize: 1);

        // Act
        await pool.DispatchAsync(Batch(Prepared(4, ordinal: 0), Prepared(5, ordinal: 1), ProcessedStudy.Unchanged("NCT00000004")), readSoFar: 3);
        await pool.CompleteAsync();

        // Assert
        Written().SelectMany(b => b).Select(s => s.NctId.Value).ShouldBe(["NCT00000005"]);
        _run.ToResult(TimeSpan.Zero).Duplicates.ShouldBe(1);
    }

    [Fact]
    public async Task DispatchAsync_OnlyUnchangedStudies_NothingWrittenButProgressReported()
    {
        // Arrange
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 2, batchSize: 1);

        // Act
        await pool.DispatchAsync(Batch(ProcessedStudy.Unchanged("NCT00000001")), readSoFar: 1);
        await pool.CompleteAsync();

        // Assert
        Written().ShouldBeEmpty();
        _progress.Received(1).Report(Arg.Any<ImportProgressSnapshot>());
    }

    [Fact]
    public async Task CompleteAsync_AWriterFailed_ThrowsTheWritersOwnException()
    {
        // Arrange
        var failure = new InvalidOperationException("The database went away.");
        _repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>()).ThrowsAsync(failure);
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 1, batchSize: 1);
        await pool.DispatchAsync(Batch(Prepared(1, 0)), readSoFar: 1);

        // Act
        var act = async () =>
        {
            await pool.DispatchAsync(Batch(Prepared(2, 1)), readSoFar: 2);
            await pool.DispatchAsync(Batch(Prepared(3, 2)), readSoFar: 3);
            await pool.CompleteAsync();
        };

        // Assert
        (await act.ShouldThrowAsync<InvalidOperationException>()).ShouldBeSameAs(failure);
        (await pool.StopAsync()).ShouldBeSameAs(failure);
    }

    [Fact]
    public async Task DispatchAsync_ChunksShortOfTheBatchSize_GatheredIntoOneWriteOnceTheyCoverIt()
    {
        // Arrange: batches of 6 studies, chunks of 2
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 1, batchSize: 6);

        // Act
        await pool.DispatchAsync(Batch(Prepared(1, 0), Prepared(2, 1)), readSoFar: 2);
        await pool.DispatchAsync(Batch(Prepared(3, 2), Prepared(4, 3)), readSoFar: 4);
        var beforeTheThird = Written().Count;
        await pool.DispatchAsync(Batch(Prepared(5, 4), Prepared(6, 5)), readSoFar: 6);
        await pool.CompleteAsync();

        // Assert
        beforeTheThird.ShouldBe(0);
        Written().ShouldHaveSingleItem().Select(s => s.Ordinal).ShouldBe([0L, 1, 2, 3, 4, 5]);
        _progress.Received(1).Report(Arg.Any<ImportProgressSnapshot>()); // by the writer, once the batch is written
    }

    [Fact]
    public async Task CompleteAsync_ABatchStillShortOfItsSize_IsWritten()
    {
        // Arrange
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 2, batchSize: 1000);
        await pool.DispatchAsync(Batch(Prepared(1, 0), Prepared(2, 1), Prepared(3, 2)), readSoFar: 3);

        // Act
        await pool.CompleteAsync();

        // Assert
        Written().SelectMany(b => b).Select(s => s.NctId.Value).ShouldBe(["NCT00000001", "NCT00000002", "NCT00000003"], ignoreOrder: true);
        _run.ToResult(TimeSpan.Zero).Written.ShouldBe(3);
    }

    [Fact]
    public async Task DispatchAsync_AChunkEndingABrokenInput_WrittenAtOnceWithTheChunksGatheredBeforeIt()
    {
        // Arrange: the input broke in its second chunk, far short of the batch size
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 1, batchSize: 1000);
        await pool.DispatchAsync(Batch(Prepared(1, 0)), readSoFar: 1);

        // Act
        await pool.DispatchAsync(new ReadBatch([Prepared(2, 1)], 200, new StudySourceException("in.json", "Unexpected end of the file.")), readSoFar: 2);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Written().Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken); // the writer runs on its own
        }

        var writtenBeforeCompletion = Written().Count;
        await pool.CompleteAsync();

        // Assert
        writtenBeforeCompletion.ShouldBe(1);
        Written().ShouldHaveSingleItem().Select(s => s.NctId.Value).ShouldBe(["NCT00000001", "NCT00000002"]);
    }

    [Fact]
    public async Task DispatchAsync_SameStudyInTwoChunksOfOneBatch_LastVersionWrittenOnceAndDuplicateCounted()
    {
        // Arrange
        var pool = new WriterPool(_repository, _run, _progress, TimeProvider.System, writers: 2, batchSize: 10);

        // Act
        await pool.DispatchAsync(Batch(Prepared(4, ordinal: 0), Prepared(5, ordinal: 1)), readSoFar: 2);
        await pool.DispatchAsync(Batch(Prepared(4, ordinal: 2)), readSoFar: 3);
        await pool.CompleteAsync();

        // Assert
        Written().SelectMany(b => b).Select(s => (s.NctId.Value, s.Ordinal)).ShouldBe([("NCT00000004", 2L), ("NCT00000005", 1L)], ignoreOrder: true);
        _run.ToResult(TimeSpan.Zero).Duplicates.ShouldBe(1);
    }

    private static ReadBatch Batch(params ProcessedStudy[] studies) => new(studies, studies.Length * 100);

    private static ProcessedStudy Prepared(int number, long ordinal)
    {
        var stored = new StoredStudy(new Study(new ProtocolSection { IdentificationModule = new IdentificationModule { NctId = NctId.Parse($"NCT{number:D8}") } }, null, null, null, null, null), new byte[32], ordinal);
        return new ProcessedStudy(stored.Study.NctId.Value, PreparedStudies.Of(stored), null, []);
    }

    private List<IReadOnlyList<PreparedStudy>> Written() =>
    [
        .. _repository.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(IStudyStore.WriteBatchAsync))
            .Select(call => (IReadOnlyList<PreparedStudy>)call.GetArguments()[1]!),
    ];
}
