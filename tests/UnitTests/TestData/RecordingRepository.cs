using System.Collections.Concurrent;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// A substitute repository that prepares every study (one row each) and remembers what it was given, so tests can look at
/// the mapped study behind each prepared one; writes report every study as written.
/// </summary>
internal static class RecordingRepository
{
    public static (IImportPorts Repository, ConcurrentDictionary<PreparedStudy, StoredStudy> Prepared) Create(long runId = 42)
    {
        var prepared = new ConcurrentDictionary<PreparedStudy, StoredStudy>();
        var repository = Substitute.For<IImportPorts>();
        repository.BeginRunAsync(Arg.Any<StudySourceInfo>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns(runId);
        repository.GetStoredHashesAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>())
            .Returns(new Dictionary<string, byte[]>());
        repository.Prepare(Arg.Any<long>(), Arg.Any<StoredStudy>()).Returns(call =>
        {
            var stored = call.ArgAt<StoredStudy>(1);
            var study = PreparedStudies.Of(stored);
            prepared[study] = stored;
            return study;
        });
        repository.WriteBatchAsync(Arg.Any<long>(), Arg.Any<IReadOnlyList<PreparedStudy>>(), Arg.Any<IReadOnlyList<QuarantinedStudy>>(), Arg.Any<CancellationToken>())
            .Returns(call => new BatchWriteResult(call.ArgAt<IReadOnlyList<PreparedStudy>>(1).Count, 0, call.ArgAt<IReadOnlyList<PreparedStudy>>(1).Count));
        return (repository, prepared);
    }
}
