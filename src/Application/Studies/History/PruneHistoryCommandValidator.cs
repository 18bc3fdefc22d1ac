using FluentValidation;

namespace Clinical.Application.Studies.History;

public sealed class PruneHistoryCommandValidator : AbstractValidator<PruneHistoryCommand>
{
    public PruneHistoryCommandValidator()
    {
        RuleFor(c => c).Must(c => c.Keep is not null || c.Before is not null).WithName("prune")
            .WithMessage("Say what to prune: --keep N (the newest N earlier versions of each study stay) and/or --before YYYY-MM-DD.");
        RuleFor(c => c.Keep).GreaterThanOrEqualTo(0).WithMessage("--keep must be 0 or more.");
    }
}
