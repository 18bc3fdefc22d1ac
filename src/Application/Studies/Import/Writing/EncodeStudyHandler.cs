using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The end of a study's way: the row encoder prepares the mapped study's rows (on the reader's threads, so waiting batches
/// hold compact rows, not object graphs). A study whose rows cannot be encoded is quarantined with the reason.
/// </summary>
public sealed class EncodeStudyHandler(IStudyRowEncoder encoder) : IRequestHandler<EncodeStudy, ProcessedStudy>
{
    private readonly IStudyRowEncoder _encoder = encoder;

    public ValueTask<ProcessedStudy> Handle(EncodeStudy message, CancellationToken cancellationToken)
    {
        var (source, study) = message;
        try
        {
            var prepared = _encoder.Prepare(source.RunId, new StoredStudy(study, source.ContentSha256, source.Raw.Ordinal, source.Shape));
            return ValueTask.FromResult(new ProcessedStudy(study.NctId.Value, prepared, null, study.Findings));
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidOperationException)
        {
            return ValueTask.FromResult(source.Reject($"The study's rows could not be encoded: {ex.Message}", null));
        }
    }
}
