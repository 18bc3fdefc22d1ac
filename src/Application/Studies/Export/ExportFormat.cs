namespace Clinical.Application.Studies.Export;

/// <summary>How exported studies are laid out.</summary>
public enum ExportFormat
{
    /// <summary>The website download's shape: a JSON array, one compact study per line.</summary>
    Array,

    /// <summary>One compact study per line, nothing else (newline-delimited JSON).</summary>
    Ndjson,
}
