using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Clinical.Application.Common.Behaviors;

/// <summary>Logs each message with its elapsed time, and any failure before it propagates.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IUseCase
{
    private readonly ILogger<LoggingBehavior<TMessage, TResponse>> _logger = logger;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).Name;
        LogStarted(name);
        try
        {
            var response = await next(message, cancellationToken);
            LogFinished(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} started")]
    private partial void LogStarted(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} finished in {ElapsedMs:F0} ms")]
    private partial void LogFinished(string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message} failed after {ElapsedMs:F0} ms")]
    private partial void LogFailed(Exception ex, string message, double elapsedMs);
}
