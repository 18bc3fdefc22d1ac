namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>
/// What the repository knows of a study beyond its rows: the run writing it, the hash of its raw JSON, and the JSON shape
/// (UTF-8 JSON text, or null) that no column holds: empty objects, empty arrays and nulls as sent, and verbatim copies.
/// </summary>
internal readonly record struct StudyLineage(long RunId, byte[] ContentSha256, DateTime ImportedAt, byte[]? JsonShape = null);
