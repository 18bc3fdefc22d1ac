using System.Text.Json;
using Mediator;

namespace Clinical.Application.Studies.History;

/// <summary>
/// Reads each study's versions; with a diff, compares each present version with the previous present one (across a
/// deletion, so a study that returns shows what changed while it was gone).
/// </summary>
public sealed class GetStudyHistoryQueryHandler(IStudyHistoryStore store) : IQueryHandler<GetStudyHistoryQuery, IReadOnlyList<StudyHistory>>
{
    private readonly IStudyHistoryStore _store = store;

    public async ValueTask<IReadOnlyList<StudyHistory>> Handle(GetStudyHistoryQuery query, CancellationToken cancellationToken)
    {
        var histories = new List<StudyHistory>(query.NctIds.Count);
        foreach (var nctId in query.NctIds)
        {
            var stored = await _store.VersionsAsync(nctId, query.Diff, cancellationToken);
            histories.Add(new StudyHistory(nctId, query.Diff ? WithChanges(stored) : [.. stored.Select(v => Describe(v, null))]));
        }

        return histories;
    }

    private static List<StudyVersion> WithChanges(IReadOnlyList<StoredVersion> stored)
    {
        var versions = new List<StudyVersion>(stored.Count);
        JsonDocument? previous = null;
        try
        {
            foreach (var version in stored)
            {
                if (version.Utf8Json is not { } json)
                {
                    versions.Add(Describe(version, null));
                    continue;
                }

                var current = JsonDocument.Parse(json);
                versions.Add(Describe(version, previous is null ? null : JsonDiff.Compare(previous.RootElement, current.RootElement)));
                previous?.Dispose();
                previous = current;
            }
        }
        finally
        {
            previous?.Dispose();
        }

        return versions;
    }

    private static StudyVersion Describe(StoredVersion version, IReadOnlyList<JsonChange>? changes) => new(
        version.Version, version.State, version.IsCurrent,
        version.ContentSha256 is { } hash ? Convert.ToHexStringLower(hash) : null,
        version.LastUpdatePostDate, version.VersionHolder, version.OverallStatus,
        version.FirstSeenRun, version.FirstSeenAt, version.ReplacedInRun, version.ReplacedAt, changes);
}
