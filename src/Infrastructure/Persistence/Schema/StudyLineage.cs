namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>What the repository knows of a study beyond its content: the run writing it and the hash of its raw JSON.</summary>
internal readonly record struct StudyLineage(long RunId, byte[] ContentSha256, DateTime ImportedAt);
