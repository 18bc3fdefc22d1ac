using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>A valid study ready to be written, with its lineage: the SHA-256 of its raw JSON and its place in the input.</summary>
public sealed record StoredStudy(Study Study, byte[] ContentSha256, long Ordinal);

/// <summary>A study that cannot be stored faithfully, kept verbatim with the reason and the JSON path that failed.</summary>
public sealed record QuarantinedStudy(long Ordinal, long ByteOffset, string? NctId, string Reason, string? JsonPath, ReadOnlyMemory<byte> Utf8, byte[] ContentSha256);
