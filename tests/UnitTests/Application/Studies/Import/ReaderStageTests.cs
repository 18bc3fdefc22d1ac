using System.Security.Cryptography;
using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Import;

public sealed class ReaderStageTests : IDisposable
{
    private const string Path = "in.json";

    private readonly IStudySource _source = Substitute.For<IStudySource>();
    private readonly IImportPorts _repository;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PreparedStudy, StoredStudy> _prepared;
    private readonly PipelineHost _host;

    public ReaderStageTests()
    {
        (_repository, _prepared) = RecordingRepository.Create();
        _host = new PipelineHost(_repository, source: _source);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ReadAsync_StoredHashMatches_StudySkippedUnparsedOthersProcessedInOrder()
    {
        // Arrange
        RawStudy[] input = [Study(0), Study(1), Study(2)];
        _source.ReadAsync(Path, Arg.Any<CancellationToken>()).Returns(input.ToAsyncEnumerable());
        _repository.GetStoredHashesAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>())
            .Returns(new Dictionary<string, byte[]> { ["NCT00000001"] = SHA256.HashData(input[1].Utf8.Span), ["NCT00000002"] = new byte[32] });

        // Act
        var batches = await Reader().ReadAsync(1, Path, 2, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        batches.Select(b => b.Studies.Count).ShouldBe([2, 1]);
        var studies = batches.SelectMany(b => b.Studies).ToList();
        studies.Select(s => s.NctId).ShouldBe(["NCT00000000", "NCT00000001", "NCT00000002"]);
        studies[1].IsUnchanged.ShouldBeTrue();
        studies[2].Prepared.ShouldNotBeNull(); // a changed hash is processed again
        _prepared.Values.Select(s => s.Ordinal).ShouldBe([0L, 2L], ignoreOrder: true);
        batches[^1].BytesRead.ShouldBe(input[2].ByteOffset + input[2].Utf8.Length);
    }

    [Fact]
    public async Task ReadAsync_InputBreaksAfterThreeStudies_LastBatchCarriesTheErrorWithTheStudiesBeforeIt()
    {
        // Arrange
        var broken = new StudySourceException(Path, "Unexpected end of data.", byteOffset: 300, line: 4);
        _source.ReadAsync(Path, Arg.Any<CancellationToken>()).Returns(ThenThrow([Study(0), Study(1), Study(2)], broken));

        // Act
        var batches = await Reader().ReadAsync(1, Path, 2, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        batches.Select(b => b.Studies.Count).ShouldBe([2, 1]);
        batches[0].Error.ShouldBeNull();
        batches[1].Error.ShouldBeSameAs(broken);
    }

    [Fact]
    public async Task ReadAsync_SourceFails_ThrowsTheSourcesException()
    {
        // Arrange
        var failure = new IOException("The network share went away.");
        _source.ReadAsync(Path, Arg.Any<CancellationToken>()).Returns(ThenThrow([Study(0)], failure));

        // Act
        var act = () => Reader().ReadAsync(1, Path, 10, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken).AsTask();

        // Assert
        (await act.ShouldThrowAsync<IOException>()).ShouldBeSameAs(failure);
    }

    [Fact]
    public async Task ReadAsync_ConsumerStopsAfterTheFirstBatch_NothingMoreIsReadOrPrepared()
    {
        // Arrange: an endless input
        var read = 0;
        _source.ReadAsync(Path, Arg.Any<CancellationToken>()).Returns(call => Endless(call.ArgAt<CancellationToken>(1), () => Interlocked.Increment(ref read)));

        // Act
        await foreach (var batch in Reader().ReadAsync(1, Path, 10, TestContext.Current.CancellationToken))
        {
            batch.Studies.Count.ShouldBe(10);
            break;
        }

        var readWhenStopped = Volatile.Read(ref read);
        var preparedWhenStopped = _prepared.Count;
        await Task.Delay(200, TestContext.Current.CancellationToken);

        // Assert: the stage stopped (and was awaited) before ReadAsync's enumerator was disposed
        Volatile.Read(ref read).ShouldBe(readWhenStopped);
        _prepared.Count.ShouldBe(preparedWhenStopped);
        readWhenStopped.ShouldBeLessThanOrEqualTo(50);
    }

    [Fact]
    public async Task ReadAsync_RentedStudies_EachArrayGivenBackOnceAfterItsChunkAndAQuarantinedStudyKeepsItsOwnCopy()
    {
        // Arrange: three studies in rented arrays, the second one without a protocol section (quarantined)
        var returned = new System.Collections.Concurrent.ConcurrentBag<byte[]>();
        var texts = new[] { Text(0), """{"derivedSection":{}}""", Text(2) };
        var arrays = texts.Select(t => new byte[Encoding.UTF8.GetByteCount(t) + 7]).ToArray(); // a pool's array is longer
        var input = texts.Select((t, i) => RawStudy.Rented(i, i * 100, i + 2, arrays[i], Encoding.UTF8.GetBytes(t, arrays[i]), returned.Add)).ToArray();
        _source.ReadAsync(Path, Arg.Any<CancellationToken>()).Returns(input.ToAsyncEnumerable());

        // Act
        var batches = await Reader().ReadAsync(1, Path, 2, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var array in arrays)
        {
            array.AsSpan().Fill((byte)'x'); // the pool hands the arrays to the next studies
        }

        input[0].Release(); // a second release gives nothing back

        // Assert
        returned.Count.ShouldBe(3);
        returned.ShouldBe(arrays, ignoreOrder: true);
        var studies = batches.SelectMany(b => b.Studies).ToList();
        studies.Select(s => s.NctId).ShouldBe(["NCT00000000", null, "NCT00000002"]);
        var reject = studies[1].Reject.ShouldNotBeNull();
        Encoding.UTF8.GetString(reject.Utf8.Span).ShouldBe(texts[1]);
    }

    private ReaderStage Reader() => new(_source, _repository, _host.Processor);

    private static string Text(long ordinal) => "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + $"NCT{ordinal:D8}" + "\"}}}";

    private static RawStudy Study(long ordinal) => new(ordinal, ordinal * 100, ordinal + 2, Encoding.UTF8.GetBytes(Text(ordinal)));

    private static async IAsyncEnumerable<RawStudy> ThenThrow(IEnumerable<RawStudy> studies, Exception failure)
    {
        foreach (var study in studies)
        {
            await Task.Yield();
            yield return study;
        }

        throw failure;
    }

    private static async IAsyncEnumerable<RawStudy> Endless([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken, Action onRead)
    {
        for (long i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            onRead();
            yield return Study(i);
        }
    }
}
