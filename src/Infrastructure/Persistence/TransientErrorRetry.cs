using Npgsql;
using Polly;
using Polly.Retry;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The transient-error policy of the store: a unit of work that rolls back as a whole (a batch's transaction, a key build,
/// a run's bookkeeping) runs again when the connection breaks or the server restarts, <see cref="MaxAttempts"/> attempts
/// in all with growing pauses (1 s, 4 s, 9 s); any other error goes to the caller at once. Before each retry the pool is
/// cleared: connections the server dropped are dead in the pool too.
/// </summary>
public sealed class TransientErrorRetry
{
    /// <summary>Attempts per unit of work, the first included.</summary>
    public const int MaxAttempts = 4;

    private readonly ResiliencePipeline _pipeline;

    public TransientErrorRetry(NpgsqlDataSource dataSource, TimeProvider timeProvider)
        : this(dataSource.Clear, timeProvider, TimeSpan.FromSeconds(1))
    {
    }

    /// <param name="clearPool">Called before each retry.</param>
    /// <param name="timeProvider">The clock the pauses wait on.</param>
    /// <param name="pauseUnit">The first pause; the n-th is n² times as long.</param>
    internal TransientErrorRetry(Action clearPool, TimeProvider timeProvider, TimeSpan pauseUnit)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient),
                MaxRetryAttempts = MaxAttempts - 1,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(pauseUnit * ((args.AttemptNumber + 1) * (args.AttemptNumber + 1))),
                OnRetry = _ =>
                {
                    clearPool();
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Broken connections, and a server that terminated the session or is restarting.</summary>
    public static bool IsTransient(NpgsqlException exception) =>
        exception.IsTransient || exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow };

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(static async (work, token) => await work(token), work, cancellationToken);

    public async Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(static async (work, token) => await work(token), work, cancellationToken);
}
