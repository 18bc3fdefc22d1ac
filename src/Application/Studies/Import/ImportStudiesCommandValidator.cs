using FluentValidation;

namespace Clinical.Application.Studies.Import;

public sealed class ImportStudiesCommandValidator : AbstractValidator<ImportStudiesCommand>
{
    public ImportStudiesCommandValidator()
    {
        // Whether the input exists is the sources' question (IStudySource.Describe), not the command's.
        RuleFor(c => c.Path).NotEmpty().WithMessage("Name the input file.");
        RuleFor(c => c.BatchSize).InclusiveBetween(1, ImportStudiesCommand.MaxBatchSize)
            .WithMessage(c => $"--batch-size {c.BatchSize} is out of range: give 1 to {ImportStudiesCommand.MaxBatchSize:N0}.");
        RuleFor(c => c.Writers).InclusiveBetween(1, ImportStudiesCommand.MaxWriters)
            .WithMessage(c => $"--writers {c.Writers} is out of range: give 1 to {ImportStudiesCommand.MaxWriters}.");
    }
}
