using Clinical.Domain.Common;
using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The second per-study behavior: Mapperly turns the validated wire record into the <see cref="Study"/> aggregate, which
/// checks its invariants. A broken hard invariant (no valid NCT number) rejects the study; broken soft invariants and the
/// validation warnings become the study's findings, stored with it.
/// </summary>
public sealed class StudyMappingBehavior : IPipelineBehavior<ProcessStudy, ProcessedStudy>
{
    public ValueTask<ProcessedStudy> Handle(ProcessStudy message, MessageHandlerDelegate<ProcessStudy, ProcessedStudy> next, CancellationToken cancellationToken)
    {
        Study study;
        try
        {
            study = StudyMapper.ToStudy(message.Record);
        }
        catch (Exception ex) when (ex is DomainException or ArgumentException)
        {
            return ValueTask.FromResult(message.Reject(ex.Message, null));
        }

        if (message.Warnings is { } warnings)
        {
            study.AddFindings(warnings.Select(w => new Finding(w.ErrorCode, StudyRecordValidator.ToJsonPath(w.PropertyName), w.AttemptedValue?.ToString(), w.ErrorMessage)));
        }

        message.Study = study;
        return next(message, cancellationToken);
    }
}
