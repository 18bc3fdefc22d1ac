namespace Clinical.Application.Studies.Export;

/// <summary>What a table export wrote: tables, their rows, and the bytes on disk.</summary>
public sealed record ExportedTables(int Tables, long Rows, long Bytes);
