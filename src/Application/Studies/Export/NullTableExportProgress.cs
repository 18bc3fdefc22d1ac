namespace Clinical.Application.Studies.Export;

/// <summary>Progress nobody watches.</summary>
public sealed class NullTableExportProgress : ITableExportProgress
{
    public void TableExported(ExportedTable table)
    {
    }
}
