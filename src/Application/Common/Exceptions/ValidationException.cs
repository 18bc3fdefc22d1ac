using FluentValidation.Results;

namespace Clinical.Application.Common.Exceptions;

/// <summary>A command failed validation; <see cref="Errors"/> groups the messages by property.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : this(failures.ToList())
    {
    }

    private ValidationException(List<ValidationFailure> failures)
        : base(string.Join(" ", failures.Select(f => f.ErrorMessage)))
    {
        Errors = failures
            .GroupBy(f => f.PropertyName, f => f.ErrorMessage, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
