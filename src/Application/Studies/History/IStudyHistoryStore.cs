namespace Clinical.Application.Studies.History;

/// <summary>The versions a store keeps of its studies.</summary>
public interface IStudyHistoryStore
{
    /// <summary>
    /// Every known state of <paramref name="nctId"/>, oldest first and the current one last; none when the study is not
    /// stored. With <paramref name="withContent"/>, each present state carries its JSON.
    /// </summary>
    Task<IReadOnlyList<StoredVersion>> VersionsAsync(string nctId, bool withContent, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes kept versions (never a study's current state): those beyond the <paramref name="keep"/> newest of each study
    /// and, when given, replaced before <paramref name="before"/>; with only one of the two, that one decides. Returns how
    /// many were deleted.
    /// </summary>
    Task<long> PruneAsync(int? keep, DateOnly? before, CancellationToken cancellationToken);
}
