namespace Clinical.Application.Studies.Export;

/// <summary>How exported studies are laid out.</summary>
public enum ExportFormat
{
    /// <summary>The website download's shape: a JSON array, one compact study per line.</summary>
    Array,

    /// <summary>One compact study per line, nothing else (newline-delimited JSON).</summary>
    Ndjson,

    /// <summary>One Parquet file per table, <c>DIR/&lt;schema&gt;/&lt;table&gt;.parquet</c>, for the native and the AACT schema.</summary>
    Parquet,

    /// <summary>One CSV file per table (RFC 4180, UTF-8, a header row), <c>DIR/&lt;schema&gt;/&lt;table&gt;.csv</c>.</summary>
    Csv,

    /// <summary>One DuckDB database file holding the tables of both schemas.</summary>
    DuckDb,
}
