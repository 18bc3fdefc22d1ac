using FluentValidation;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The per-study behavior: the FluentValidation validators of the wire record, which hold only the reject rules (no usable
/// NCT number). A failure rejects the study here, so it is never mapped. The values' own findings (unknown codes, unreadable
/// dates) are not rules of the wire record: the value objects the mapping makes report them (<see cref="StudyValueFindings"/>).
/// </summary>
public sealed class StudyValidationBehavior(IEnumerable<IValidator<StudyRecord>> validators) : IPipelineBehavior<ProcessStudy, ProcessedStudy>
{
    private readonly IValidator<StudyRecord>[] _validators = [.. validators];

    public ValueTask<ProcessedStudy> Handle(ProcessStudy message, MessageHandlerDelegate<ProcessStudy, ProcessedStudy> next, CancellationToken cancellationToken)
    {
        foreach (var validator in _validators)
        {
            if (validator.Validate(message.Record).Errors is [var failure, ..])
            {
                return ValueTask.FromResult(message.Reject(failure.ErrorMessage, StudyRecordValidator.ToJsonPath(failure.PropertyName)));
            }
        }

        return next(message, cancellationToken);
    }
}
