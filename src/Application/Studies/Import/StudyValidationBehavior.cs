using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The first per-study behavior: the FluentValidation validators of the wire record. An error (no usable NCT number) rejects
/// the study here, so it never reaches mapping; warnings (values the registry is not known to send) travel on with it.
/// </summary>
public sealed class StudyValidationBehavior(IEnumerable<IValidator<StudyRecord>> validators) : IPipelineBehavior<ProcessStudy, ProcessedStudy>
{
    private readonly IValidator<StudyRecord>[] _validators = [.. validators];

    public ValueTask<ProcessedStudy> Handle(ProcessStudy message, MessageHandlerDelegate<ProcessStudy, ProcessedStudy> next, CancellationToken cancellationToken)
    {
        List<ValidationFailure>? warnings = null;
        foreach (var validator in _validators)
        {
            foreach (var failure in validator.Validate(message.Record).Errors)
            {
                if (failure.Severity == Severity.Error)
                {
                    return ValueTask.FromResult(message.Reject(failure.ErrorMessage, StudyRecordValidator.ToJsonPath(failure.PropertyName)));
                }

                (warnings ??= []).Add(failure);
            }
        }

        message.Warnings = warnings;
        return next(message, cancellationToken);
    }
}
