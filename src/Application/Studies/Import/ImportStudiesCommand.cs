using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>Import every study of the input at <paramref name="Path"/>, writing in batches of <paramref name="BatchSize"/> studies.</summary>
public sealed record ImportStudiesCommand(string Path, int BatchSize = ImportStudiesCommand.DefaultBatchSize) : ICommand<ImportStudiesResult>
{
    public const int DefaultBatchSize = 250;
}
