using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Studies.Export;

/// <summary>
/// Write the selected stored studies to <paramref name="Output"/> (a file, or "-" for <paramref name="StandardOutput"/>) as
/// the registry's JSON, in <paramref name="Format"/>.
/// </summary>
public sealed record ExportStudiesCommand(ExportSelection Selection, ExportFormat Format, string Output, Stream? StandardOutput = null)
    : ICommand<ExportStudiesResult>, IUseCase
{
    public const string StandardOutputName = "-";
}
