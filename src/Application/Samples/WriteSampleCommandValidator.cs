using Clinical.Application.Common.Output;
using FluentValidation;

namespace Clinical.Application.Samples;

public sealed class WriteSampleCommandValidator : AbstractValidator<WriteSampleCommand>
{
    public WriteSampleCommandValidator(IOutputFiles outputs)
    {
        RuleFor(c => c.Studies).InclusiveBetween(1, WriteSampleCommand.MaxStudies)
            .WithMessage($"--studies must be between 1 and {WriteSampleCommand.MaxStudies:N0}.");
        RuleFor(c => c.Output).NotEmpty().WithMessage("Name the output file ('-' for standard output).");
        RuleFor(c => c.Output)
            .Must(output => outputs.Problem(output) is null)
            .WithMessage(c => outputs.Problem(c.Output) ?? string.Empty)
            .When(c => !string.IsNullOrEmpty(c.Output));
    }
}
