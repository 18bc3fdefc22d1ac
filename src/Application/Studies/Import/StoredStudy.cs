using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>A valid study ready to be written, with its lineage: the SHA-256 of its raw JSON and its place in the input.</summary>
public sealed record StoredStudy(Study Study, byte[] ContentSha256, long Ordinal);
