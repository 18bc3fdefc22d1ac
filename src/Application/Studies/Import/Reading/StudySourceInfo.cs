namespace Clinical.Application.Studies.Import;

/// <summary>What an input is: its kind (e.g. "json-array") and its size in bytes when known.</summary>
public sealed record StudySourceInfo(string Path, string Kind, long? SizeBytes);
