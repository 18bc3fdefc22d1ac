namespace Clinical.Application.Studies.Import;

/// <summary>What the storage side knows of the record's shape: the fields it stores, and the paths it ignores on purpose.</summary>
public interface IStudySchema
{
    /// <summary>Every JSON path (dot-separated property names, no array indices) that has a column.</summary>
    IEnumerable<string> StoredPaths { get; }

    /// <summary>Paths deliberately not loaded (their whole subtree).</summary>
    IEnumerable<string> IgnoredPaths { get; }

    /// <summary>
    /// Ignored paths known to hold a verbatim copy of another path (e.g. the legacy locations_nested of locations), with
    /// that path: a copy is noted in the study's JSON shape instead of being stored twice.
    /// </summary>
    IReadOnlyDictionary<string, string> CopiedPaths => new Dictionary<string, string>();

    /// <summary>Every stored leaf with the kind of value the description declares for it, once per path.</summary>
    IReadOnlyList<StudyField> Fields { get; }
}
