namespace Clinical.Application.Studies.Import;

/// <summary>
/// A study that cannot be stored faithfully, kept verbatim with the reason and the JSON path that failed. Its bytes are its
/// own copy (<see cref="RawStudy.Quarantine"/>): the raw study's array goes back to the source's pool once its chunk is
/// processed (<see cref="RawStudy.Release"/>).
/// </summary>
public sealed record QuarantinedStudy(long Ordinal, long ByteOffset, string? NctId, string Reason, string? JsonPath, ReadOnlyMemory<byte> Utf8, byte[] ContentSha256);
