namespace Clinical.Application.Studies.Export;

/// <summary>One table written by a table export: its schema and name, its rows, the bytes of its file, and the time it took.</summary>
public sealed record ExportedTable(string Schema, string Table, long Rows, long Bytes, TimeSpan Elapsed);
