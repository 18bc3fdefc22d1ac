using FluentValidation;

namespace Clinical.Application.Studies.Import;

public sealed class ImportStudiesCommandValidator : AbstractValidator<ImportStudiesCommand>
{
    public ImportStudiesCommandValidator()
    {
        RuleFor(c => c.Path).NotEmpty().WithMessage("Name the input file.");
        RuleFor(c => c.Path)
            .Must(path => path == "-" || File.Exists(path) || Directory.Exists(path) || IsUrl(path)).WithMessage(c => $"'{c.Path}' does not exist.")
            .When(c => !string.IsNullOrEmpty(c.Path));
        RuleFor(c => c.BatchSize).InclusiveBetween(1, ImportStudiesCommand.MaxBatchSize)
            .WithMessage(c => $"--batch-size {c.BatchSize} is out of range: give 1 to {ImportStudiesCommand.MaxBatchSize:N0}.");
        RuleFor(c => c.Writers).InclusiveBetween(1, ImportStudiesCommand.MaxWriters)
            .WithMessage(c => $"--writers {c.Writers} is out of range: give 1 to {ImportStudiesCommand.MaxWriters}.");
    }

    private static bool IsUrl(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
