namespace Clinical.Application.Studies.Export;

/// <summary>Hears of each table a table export has written (the CLI prints a line per table).</summary>
public interface ITableExportProgress
{
    void TableExported(ExportedTable table);
}
