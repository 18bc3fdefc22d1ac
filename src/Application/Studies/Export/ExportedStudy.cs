namespace Clinical.Application.Studies.Export;

/// <summary>One stored study as the registry's JSON: compact UTF-8 text of a single object.</summary>
public sealed record ExportedStudy(string NctId, ReadOnlyMemory<byte> Utf8Json);
