namespace Clinical.Application.Studies.Import;

/// <summary>Another import holds the database: two runs at once could interleave their batches, so the second one stops.</summary>
public sealed class ImportAlreadyRunningException(string message) : Exception(message);
