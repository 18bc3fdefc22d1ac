using Clinical.Application.Common;
using Clinical.Application.Common.Output;
using Mediator;

namespace Clinical.Application.Studies.Export;

/// <summary>
/// Write the selected stored studies to <paramref name="Output"/> in <paramref name="Format"/>: as the registry's JSON (a
/// file, or "-" for standard output), or as tables (a folder of Parquet or CSV files, or a DuckDB file), each table filtered
/// to the selected studies. <paramref name="Gzip"/> compresses CSV files.
/// </summary>
public sealed record ExportStudiesCommand(ExportSelection Selection, ExportFormat Format, string Output, bool Gzip = false)
    : ICommand<ExportStudiesResult>, IUseCase
{
    public const string StandardOutputName = IOutputFiles.StandardOutput;
}
