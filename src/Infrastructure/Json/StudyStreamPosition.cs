namespace Clinical.Infrastructure.Json;

/// <summary>Where the next study stands across the parts of one input (a folder's files, a zip's entries, API pages).</summary>
internal sealed class StudyStreamPosition
{
    public long Ordinal { get; set; }

    public long Offset { get; set; }

    /// <summary>The size limit of one study (see <see cref="StudyReaderOptions"/>).</summary>
    public long MaxStudyBytes { get; init; } = new StudyReaderOptions().MaxStudyBytes;

    /// <summary>The last API page's <c>nextPageToken</c> (null after the last page).</summary>
    public string? NextPageToken { get; set; }
}
