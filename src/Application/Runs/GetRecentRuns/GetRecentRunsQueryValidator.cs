using FluentValidation;

namespace Clinical.Application.Runs.GetRecentRuns;

public sealed class GetRecentRunsQueryValidator : AbstractValidator<GetRecentRunsQuery>
{
    public GetRecentRunsQueryValidator()
    {
        RuleFor(q => q.Last)
            .InclusiveBetween(1, GetRecentRunsQuery.MaxLast)
            .WithMessage($"--last must be between 1 and {GetRecentRunsQuery.MaxLast:N0}.");
    }
}
