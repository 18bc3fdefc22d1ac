using Clinical.Domain.Common;
using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The second per-study behavior: Mapperly turns the validated wire record into the <see cref="Study"/> aggregate, which
/// checks its invariants. A broken hard invariant (no valid NCT number) rejects the study; broken soft invariants, the
/// fields salvaged while parsing and the validation warnings become the study's findings, stored with it.
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

        if (message.Salvaged is { } salvaged)
        {
            study.AddFindings(salvaged);
        }

        if (message.Warnings is { } warnings)
        {
            // A salvaged list element stands in as "" or {}; what the value rules say of the stand-in is no news.
            study.AddFindings(warnings
                .Select(w => new Finding(w.ErrorCode, StudyRecordValidator.ToJsonPath(w.PropertyName), w.AttemptedValue?.ToString(), w.ErrorMessage))
                .Where(f => message.Salvaged?.Any(s => s.JsonPath == f.JsonPath) != true));
        }

        message.Study = study;
        return next(message, cancellationToken);
    }
}
