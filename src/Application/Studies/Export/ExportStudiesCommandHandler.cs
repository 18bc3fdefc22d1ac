using Clinical.Application.Common.Output;
using Mediator;

namespace Clinical.Application.Studies.Export;

/// <summary>
/// Streams the selected studies from the exporter into the output, in the download's array shape or as NDJSON; or has the
/// table exporter write the tables (Parquet, CSV, DuckDB). The output port keeps a failed or cancelled export from leaving
/// a partial file or replacing a good one.
/// </summary>
public sealed class ExportStudiesCommandHandler(
    IStudyExporter exporter,
    IStudyTableExporter tableExporter,
    ITableExportProgress tableProgress,
    IOutputFiles outputs,
    TimeProvider timeProvider) : ICommandHandler<ExportStudiesCommand, ExportStudiesResult>
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] ArrayStart = "[\n"u8.ToArray();
    private static readonly byte[] ArraySeparator = ",\n"u8.ToArray();
    private static readonly byte[] ArrayEnd = "\n]\n"u8.ToArray();
    private static readonly byte[] EmptyArray = "[]\n"u8.ToArray();

    private readonly IStudyExporter _exporter = exporter;
    private readonly IStudyTableExporter _tableExporter = tableExporter;
    private readonly ITableExportProgress _tableProgress = tableProgress;
    private readonly IOutputFiles _outputs = outputs;
    private readonly TimeProvider _timeProvider = timeProvider;

    public async ValueTask<ExportStudiesResult> Handle(ExportStudiesCommand command, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        if (command.Format.IsTables())
        {
            var tables = await _tableExporter.ExportAsync(command.Selection, command.Format, command.Output, command.Gzip, _tableProgress, cancellationToken);
            return new ExportStudiesResult(0, tables.Bytes, command.Output, _timeProvider.GetElapsedTime(started), tables.Tables, tables.Rows);
        }

        await using var output = _outputs.Open(command.Output);
        var (studies, bytes) = await WriteAsync(command, output.Stream, cancellationToken);
        await output.CommitAsync(cancellationToken);
        return new ExportStudiesResult(studies, bytes, command.Output, _timeProvider.GetElapsedTime(started));
    }

    private async Task<(long Studies, long Bytes)> WriteAsync(ExportStudiesCommand command, Stream output, CancellationToken cancellationToken)
    {
        var array = command.Format == ExportFormat.Array;
        long studies = 0;
        long bytes = 0;
        await foreach (var study in _exporter.ExportAsync(command.Selection, cancellationToken))
        {
            var separator = !array ? [] : studies == 0 ? ArrayStart : ArraySeparator;
            await output.WriteAsync(separator, cancellationToken);
            await output.WriteAsync(study.Utf8Json, cancellationToken);
            if (!array)
            {
                await output.WriteAsync(NewLine, cancellationToken);
            }

            bytes += separator.Length + study.Utf8Json.Length + (array ? 0 : NewLine.Length);
            studies++;
        }

        if (array)
        {
            var end = studies == 0 ? EmptyArray : ArrayEnd;
            await output.WriteAsync(end, cancellationToken);
            bytes += end.Length;
        }

        return (studies, bytes);
    }
}
