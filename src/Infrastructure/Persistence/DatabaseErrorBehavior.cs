using Clinical.Application.Common;
using Mediator;
using Npgsql;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The innermost pipeline behaviour of every request: an Npgsql exception leaves the request as the Application's
/// <see cref="Application.Common.Exceptions.DatabaseException"/> (or its Unavailable kind), so that callers never see a
/// type of the driver. A request that completes synchronously costs one branch, no allocation.
/// </summary>
internal sealed class DatabaseErrorBehavior<TMessage, TResponse>(DatabaseErrorTranslator translator) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IUseCase
{
    private readonly DatabaseErrorTranslator _translator = translator;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ValueTask<TResponse> pending;
        try
        {
            pending = next(message, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw _translator.Translate(ex);
        }

        return pending.IsCompletedSuccessfully ? pending : AwaitAsync(pending);
    }

    private async ValueTask<TResponse> AwaitAsync(ValueTask<TResponse> pending)
    {
        try
        {
            return await pending;
        }
        catch (NpgsqlException ex)
        {
            throw _translator.Translate(ex);
        }
    }
}
