using Clinical.Application.Studies.Export;

namespace Clinical.Cli.Output;

/// <summary>A line on stderr for each table a table export has written: schema.table, rows, size, seconds.</summary>
internal sealed class ConsoleTableExportProgress(TextWriter error) : ITableExportProgress
{
    private readonly TextWriter _error = error;

    public void TableExported(ExportedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _error.WriteLine($"{table.Schema}.{table.Table}: {table.Rows:N0} rows, {table.Bytes / 1e6:N1} MB, {table.Elapsed.TotalSeconds:N1} s");
    }
}
