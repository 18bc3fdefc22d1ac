using FluentValidation;

namespace Clinical.Application.Samples;

public sealed class WriteSampleCommandValidator : AbstractValidator<WriteSampleCommand>
{
    public WriteSampleCommandValidator()
    {
        RuleFor(c => c.Studies).InclusiveBetween(1, WriteSampleCommand.MaxStudies)
            .WithMessage($"--studies must be between 1 and {WriteSampleCommand.MaxStudies:N0}.");
        RuleFor(c => c.Output).NotEmpty().WithMessage("Name the output file ('-' for standard output).");
        RuleFor(c => c.Output)
            .Must(output => output == WriteSampleCommand.StandardOutput || Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output))))
            .WithMessage(c => $"The folder of '{c.Output}' does not exist.")
            .When(c => !string.IsNullOrEmpty(c.Output));
    }
}
