namespace Clinical.Application.Studies.Export;

/// <summary>
/// Writes the tables of the native schema and of the AACT layer, each filtered to the selected studies, as files
/// (Parquet, CSV) or one database (DuckDB), from one consistent snapshot. Each file is written under a temporary name and
/// takes its name when complete.
/// </summary>
public interface IStudyTableExporter
{
    /// <summary>
    /// Writes every table to <paramref name="output"/> (a folder for Parquet and CSV, a file for DuckDB). A selection the
    /// database cannot run throws <see cref="ExportSelectionException"/>.
    /// </summary>
    Task<ExportedTables> ExportAsync(ExportSelection selection, ExportFormat format, string output, bool gzip, ITableExportProgress progress, CancellationToken cancellationToken);
}
