namespace Clinical.Infrastructure.Json;

/// <summary>The shapes a file of studies comes in.</summary>
public enum JsonLayout
{
    /// <summary>A top-level array of studies: the website download (<c>ctg-studies.json</c>).</summary>
    Array,

    /// <summary>Top-level study objects one after the other: NDJSON, or a single study (one file per study in the registry zip).</summary>
    Sequence,

    /// <summary>An API page: <c>{"studies":[…],"nextPageToken":"…"}</c>.</summary>
    Page,
}
