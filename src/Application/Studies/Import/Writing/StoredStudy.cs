using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// A valid study ready to be written, with its lineage: the SHA-256 of its raw JSON, its place in the input, and the JSON
/// shape no column holds (null when there is none).
/// </summary>
public sealed record StoredStudy(Study Study, byte[] ContentSha256, long Ordinal, StudyJsonShape? Shape = null);
