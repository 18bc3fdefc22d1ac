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
        RuleFor(c => c.Output)
            .Must(output => output != IOutputFiles.StandardOutput)
            .WithMessage(c => c.Format.IsFolder()
                ? $"--format {c.Format.Name()} writes a folder of files: name it with --output DIR (standard output cannot hold it)."
                : $"--format {c.Format.Name()} writes a database file: name it with --output FILE.duckdb (standard output cannot hold it).")
            .When(c => c.Format.IsTables());
        RuleFor(c => c.Gzip)
            .Equal(false)
            .WithMessage("--gzip applies to --format csv only.")
            .When(c => c.Format != ExportFormat.Csv);
        RuleFor(c => c.Selection.AsOf)
            .Null()
            .WithMessage(c => $"--as-of applies to the JSON formats only: --format {c.Format.Name()} writes the tables as stored now (the history keeps studies' JSON, not their rows).")
            .When(c => c.Format.IsTables());
        RuleForEach(c => c.Selection.NctIds)
            .Must(id => NctId.TryParse(id, out _))
            .WithMessage((_, id) => $"--nct {id}: not an NCT number (NCT followed by 8 digits).");
    }
}
