using FluentValidation;
using FluentValidation.Results;
using Mediator;
using ValidationException = Clinical.Application.Common.Exceptions.ValidationException;

namespace Clinical.Application.Common.Behaviors;

/// <summary>Runs every validator of the message before its handler; any failure stops the message with a <see cref="ValidationException"/>.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IUseCase
{
    private readonly IValidator<TMessage>[] _validators = [.. validators];

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var failures = new List<ValidationFailure>();
            foreach (var validator in _validators)
            {
                // A fresh context per validator: a shared one accumulates failures, so each result would repeat the earlier ones.
                failures.AddRange((await validator.ValidateAsync(new ValidationContext<TMessage>(message), cancellationToken)).Errors);
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }

        return await next(message, cancellationToken);
    }
}
