namespace Clinical.Application.Studies.Export;

/// <summary>What each <see cref="ExportFormat"/> writes: studies as JSON, or the tables.</summary>
public static class ExportFormats
{
    /// <summary>The names <c>--format</c> accepts, in the order of <see cref="ExportFormat"/>.</summary>
    public static IReadOnlyList<string> Names => NameByFormat;

    /// <summary>True for a format that writes the tables (one file per table, or a database), not the studies' JSON.</summary>
    public static bool IsTables(this ExportFormat format) => format is ExportFormat.Parquet or ExportFormat.Csv or ExportFormat.DuckDb;

    /// <summary>True for a format that writes a folder of files (the output names the folder).</summary>
    public static bool IsFolder(this ExportFormat format) => format is ExportFormat.Parquet or ExportFormat.Csv;

    /// <summary>The format a <c>--format</c> name stands for, or null for an unknown name.</summary>
    public static ExportFormat? Parse(string name) =>
        Array.IndexOf(NameByFormat, name?.ToLowerInvariant()) is var index and >= 0 ? (ExportFormat)index : null;

    /// <summary>The <c>--format</c> name of <paramref name="format"/>.</summary>
    public static string Name(this ExportFormat format) => NameByFormat[(int)format];

    // Each format's name at the format's value: the one list Names, Parse and Name read.
    private static readonly string[] NameByFormat = ["json", "ndjson", "parquet", "csv", "duckdb"];
}
