using Clinical.Application.Common;
using Clinical.Application.Common.Output;
using Mediator;

namespace Clinical.Application.Studies.Export;

/// <summary>
/// Write the selected stored studies to <paramref name="Output"/> (a file, or "-" for standard output) as the registry's
/// JSON, in <paramref name="Format"/>.
/// </summary>
public sealed record ExportStudiesCommand(ExportSelection Selection, ExportFormat Format, string Output)
    : ICommand<ExportStudiesResult>, IUseCase
{
    public const string StandardOutputName = IOutputFiles.StandardOutput;
}
