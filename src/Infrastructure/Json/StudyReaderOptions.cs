namespace Clinical.Infrastructure.Json;

/// <summary>
/// How large one study may be. Real records top out near 4 MB; a study over the limit (or a decompression bomb: one
/// endless string) is stepped over in constant memory and quarantined with its size and its first bytes, and the rest
/// of the input loads. <c>clinical import --max-study-mb</c> or <see cref="MaxStudyVariable"/> set it.
/// </summary>
public sealed record StudyReaderOptions
{
    public const string MaxStudyVariable = "CLINICAL_MAX_STUDY_MB";

    public const int DefaultMaxStudyMegabytes = 64;

    /// <summary>The largest setting: the reader's buffer is a single array.</summary>
    public const int MaxStudyMegabytesLimit = 1024;

    /// <summary>How many bytes of an oversized study the quarantine keeps.</summary>
    public const int CutOffPrefixBytes = 64 << 10;

    public long MaxStudyBytes { get; init; } = (long)DefaultMaxStudyMegabytes << 20;
}
