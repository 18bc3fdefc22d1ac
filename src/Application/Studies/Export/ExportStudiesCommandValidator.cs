using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Export;

public sealed class ExportStudiesCommandValidator : AbstractValidator<ExportStudiesCommand>
{
    public ExportStudiesCommandValidator()
    {
        RuleFor(c => c.Output).NotEmpty().WithMessage("Name the output file ('-' for standard output).");
        RuleFor(c => c.Output)
            .Must(output => output == ExportStudiesCommand.StandardOutputName || Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output))))
            .WithMessage(c => $"The folder of '{c.Output}' does not exist.")
            .When(c => !string.IsNullOrEmpty(c.Output));
        RuleForEach(c => c.Selection.NctIds)
            .Must(id => NctId.TryParse(id, out _))
            .WithMessage((_, id) => $"--nct {id}: not an NCT number (NCT followed by 8 digits).");
        RuleFor(c => c.Selection.Where)
            .Must(where => SqlPredicate.Problem(where!) is null)
            .WithMessage(c => $"--where: {SqlPredicate.Problem(c.Selection.Where!)}")
            .When(c => c.Selection.Where is not null);
    }
}
