using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The end of the per-study pipeline: the row encoder prepares the mapped study's rows (on the reader's threads, so waiting
/// batches hold compact rows, not object graphs). A study whose rows cannot be encoded is quarantined with the reason.
/// </summary>
public sealed class ProcessStudyHandler(IStudyRowEncoder encoder) : IRequestHandler<ProcessStudy, ProcessedStudy>
{
    private readonly IStudyRowEncoder _encoder = encoder;

    public ValueTask<ProcessedStudy> Handle(ProcessStudy message, CancellationToken cancellationToken)
    {
        var study = message.Study ?? throw new InvalidOperationException("ProcessStudy reached its handler without a mapped study: is StudyMappingBehavior registered?");
        try
        {
            var prepared = _encoder.Prepare(message.RunId, new StoredStudy(study, message.ContentSha256, message.Raw.Ordinal, message.Shape));
            return ValueTask.FromResult(new ProcessedStudy(study.NctId.Value, prepared, null, study.Findings));
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidOperationException)
        {
            return ValueTask.FromResult(message.Reject($"The study's rows could not be encoded: {ex.Message}", null));
        }
    }
}
