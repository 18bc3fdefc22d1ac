using System.Text;
using Clinical.Application.Studies.History;

namespace Clinical.UnitTests.Application.Studies.History;

public sealed class GetStudyHistoryQueryHandlerTests
{
    private const string Id = "NCT01234567";

    private readonly IStudyHistoryStore _store = Substitute.For<IStudyHistoryStore>();

    [Fact]
    public async Task Handle_WithoutDiff_ListsTheVersionsWithoutChangesOrContent()
    {
        _store.VersionsAsync(Id, false, Arg.Any<CancellationToken>()).Returns([Version(1, "RECRUITING", null), Version(2, "COMPLETED", null, current: true)]);

        var histories = await new GetStudyHistoryQueryHandler(_store).Handle(new GetStudyHistoryQuery([Id]), TestContext.Current.CancellationToken);

        var history = histories.ShouldHaveSingleItem();
        history.NctId.ShouldBe(Id);
        history.Versions.Select(v => (v.Version, v.OverallStatus, v.Changes)).ShouldBe([(1, "RECRUITING", null), (2, "COMPLETED", null)]);
        history.Versions[0].ContentSha256.ShouldBe("0a0a");
    }

    [Fact]
    public async Task Handle_WithDiff_ComparesEachVersionWithThePreviousPresentOneAcrossADeletion()
    {
        _store.VersionsAsync(Id, true, Arg.Any<CancellationToken>()).Returns(
        [
            Version(1, "RECRUITING", """{"s":"RECRUITING","n":1}"""),
            new StoredVersion(2, StoredVersion.Deleted, false, null, null, null, null, 3, null, 4, null, null),
            Version(3, "TERMINATED", """{"s":"TERMINATED","n":1}""", current: true),
        ]);

        var histories = await new GetStudyHistoryQueryHandler(_store).Handle(new GetStudyHistoryQuery([Id], Diff: true), TestContext.Current.CancellationToken);

        var versions = histories.ShouldHaveSingleItem().Versions;
        versions[0].Changes.ShouldBeNull();
        versions[1].State.ShouldBe(StoredVersion.Deleted);
        versions[1].Changes.ShouldBeNull();
        versions[2].Changes.ShouldNotBeNull().Select(c => c.ToString()).ShouldBe(["s: RECRUITING → TERMINATED"]);
    }

    [Fact]
    public async Task Handle_StudyNotStored_GivesItWithoutVersions()
    {
        _store.VersionsAsync(Id, Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns([]);

        var histories = await new GetStudyHistoryQueryHandler(_store).Handle(new GetStudyHistoryQuery([Id], Diff: true), TestContext.Current.CancellationToken);

        histories.ShouldHaveSingleItem().Versions.ShouldBeEmpty();
    }

    private static StoredVersion Version(int number, string status, string? json, bool current = false) => new(
        number, StoredVersion.Present, current, [10, 10], new DateOnly(2024, number, 1), null, status, number, null,
        current ? null : number + 1, null, json is null ? null : Encoding.UTF8.GetBytes(json));
}
