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
        RuleFor(c => c.Output)
            .Must(output => !ClashesWithASchema(output))
            .WithMessage(c => $"--output {c.Output}: DuckDB names the database after its file, so '{DatabaseName(c.Output)}' would be both the database and a schema and '{DatabaseName(c.Output)}.studies' could not be told apart; name the file otherwise, e.g. aact.duckdb.")
            .When(c => c.Format == ExportFormat.DuckDb && !string.IsNullOrEmpty(c.Output));
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

    /// <summary>The name DuckDB gives a database opened from <paramref name="output"/>: the file's name up to its first dot.</summary>
    private static string DatabaseName(string output)
    {
        var name = Path.GetFileName(output);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>Whether the file's database name is one of the file's schemas (ctgov, registry) or one DuckDB reserves.</summary>
    private static bool ClashesWithASchema(string output) =>
        DatabaseName(output).ToUpperInvariant() is "CTGOV" or "REGISTRY" or "MAIN" or "TEMP" or "SYSTEM" or "MEMORY";
}
