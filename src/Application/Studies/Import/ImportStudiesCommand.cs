using Clinical.Application.Common;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Import every study of the input at <paramref name="Path"/>, writing in batches of <paramref name="BatchSize"/> studies
/// (one transaction per connection each; the studies are read and processed in chunks of at most
/// <see cref="ReaderStage.MaxChunk"/>) over <paramref name="Writers"/> database connections (each study always goes to the same one, so input order holds
/// per study). With <paramref name="Full"/> the input is the whole registry: studies stored but absent from it are
/// soft-deleted (marked with the run), never removed. With <paramref name="History"/> (the default) a stored study that
/// the run replaces keeps its previous state as a version. Where the studies go is the composition's choice: a dry run
/// (<see cref="DependencyInjection.AddDryRunImport"/>) reads, parses, validates and maps every study and keeps nothing.
/// </summary>
public sealed record ImportStudiesCommand(
    string Path,
    int BatchSize = ImportStudiesCommand.DefaultBatchSize,
    int Writers = ImportStudiesCommand.DefaultWriters,
    bool Full = false,
    bool History = true)
    : ICommand<ImportStudiesResult>, IUseCase
{
    // 750: a batch's tables are written with one COPY each, two round trips per COPY on every writer; at 250 the writers'
    // backends waited on those round trips and a 100k import left the cores 13 % idle. 1,000 was as fast, but its two
    // batches of encoded rows in flight took the whole registry's peak RSS over 400 MB (docs/performance.md).
    public const int DefaultBatchSize = 750;
    public const int DefaultWriters = 3;
    public const int MaxBatchSize = 100_000;
    public const int MaxWriters = 16;
}
