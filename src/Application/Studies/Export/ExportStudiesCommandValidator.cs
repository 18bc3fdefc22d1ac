using Clinical.Application.Common.Output;
using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Export;

public sealed class ExportStudiesCommandValidator : AbstractValidator<ExportStudiesCommand>
{
    public ExportStudiesCommandValidator(IOutputFiles outputs)
    {
        RuleFor(c => c.Output).NotEmpty().WithMessage("Name the output file ('-' for standard output).");
        RuleFor(c => c.Output)
            .Must(output => outputs.Problem(output) is null)
            .WithMessage(c => outputs.Problem(c.Output) ?? string.Empty)
            .When(c => !string.IsNullOrEmpty(c.Output));
        RuleForEach(c => c.Selection.NctIds)
            .Must(id => NctId.TryParse(id, out _))
            .WithMessage((_, id) => $"--nct {id}: not an NCT number (NCT followed by 8 digits).");
    }
}
