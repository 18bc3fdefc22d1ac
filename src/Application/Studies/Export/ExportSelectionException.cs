namespace Clinical.Application.Studies.Export;

/// <summary>The database rejected the selection (e.g. a --where naming a column the studies table does not have).</summary>
public sealed class ExportSelectionException(string message, Exception? innerException = null) : Exception(message, innerException);
