using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.History;

public sealed class GetStudyHistoryQueryValidator : AbstractValidator<GetStudyHistoryQuery>
{
    public GetStudyHistoryQueryValidator()
    {
        RuleFor(q => q.NctIds).NotEmpty().WithMessage("Name at least one study (NCT + 8 digits).");
        RuleForEach(q => q.NctIds).Must(id => NctId.IsValid(id)).WithMessage((_, id) => $"'{id}' is not an NCT number (NCT + 8 digits).");
    }
}
