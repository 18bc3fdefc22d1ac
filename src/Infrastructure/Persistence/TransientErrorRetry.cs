using System.Globalization;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// The transient-error policy of the store: a unit of work that rolls back as a whole (a batch's transaction, a key build,
/// a run's bookkeeping) runs again when the connection breaks or the server restarts, within a <see cref="RetryBudget"/>
/// (by default <see cref="MaxAttempts"/> attempts in all with growing pauses, 1 s, 4 s, 9 s); any other error goes to the
/// caller at once. Before each retry the pool is cleared: connections the server dropped are dead in the pool too. When
/// the last attempt fails too, a <see cref="DatabaseFaultException"/> says how many attempts over how long.
/// </summary>
public sealed class TransientErrorRetry
{
    /// <summary>Attempts per unit of work by default, the first included.</summary>
    public const int MaxAttempts = 4;

    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _timeProvider;
    private readonly int _attempts;

    public TransientErrorRetry(NpgsqlDataSource dataSource, TimeProvider timeProvider)
        : this(dataSource, timeProvider, RetryBudget.Default)
    {
    }

    public TransientErrorRetry(NpgsqlDataSource dataSource, TimeProvider timeProvider, RetryBudget budget)
        : this(dataSource.Clear, timeProvider, budget)
    {
    }

    /// <param name="clearPool">Called before each retry.</param>
    /// <param name="timeProvider">The clock the pauses wait on.</param>
    /// <param name="pauseUnit">The first pause; the n-th is n² times as long.</param>
    internal TransientErrorRetry(Action clearPool, TimeProvider timeProvider, TimeSpan pauseUnit)
        : this(clearPool, timeProvider, RetryBudget.Default with { PauseUnit = pauseUnit })
    {
    }

    internal TransientErrorRetry(Action clearPool, TimeProvider timeProvider, RetryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        _timeProvider = timeProvider;
        _attempts = budget.Attempts;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (budget.Attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsTransient),
                MaxRetryAttempts = budget.Attempts - 1,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(budget.PauseUnit * ((args.AttemptNumber + 1) * (args.AttemptNumber + 1))),
                OnRetry = _ =>
                {
                    clearPool();
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>
    /// Broken connections, and a server that terminated the session or is restarting. Not a full disk: Npgsql counts it
    /// transient (class 53), but it stays full until someone frees space, so it goes to the caller at once.
    /// </summary>
    public static bool IsTransient(NpgsqlException exception) =>
        exception is not PostgresException { SqlState: PostgresErrorCodes.DiskFull }
        && (exception.IsTransient || exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow });

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            return await _pipeline.ExecuteAsync(static async (work, token) => await work(token), work, cancellationToken);
        }
        catch (NpgsqlException ex) when (IsTransient(ex))
        {
            throw GaveUp(ex, started);
        }
    }

    public async Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            await _pipeline.ExecuteAsync(static async (work, token) => await work(token), work, cancellationToken);
        }
        catch (NpgsqlException ex) when (IsTransient(ex))
        {
            throw GaveUp(ex, started);
        }
    }

    /// <summary>The last attempt failed too: e.g. "the connection broke 4 times in 14.1 s (3 retries); the last error: …".</summary>
    private DatabaseFaultException GaveUp(NpgsqlException last, long started)
    {
        var seconds = _timeProvider.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var reason = last.InnerException is { } inner and not NpgsqlException ? $"{last.Message} ({inner.Message})" : last.Message;
        return new DatabaseFaultException(
            $"the database stayed unreachable: {_attempts} attempt{(_attempts == 1 ? string.Empty : "s")} over {seconds} s ({_attempts - 1} retr{(_attempts == 2 ? "y" : "ies")}), the last one failed with: {reason}. Check that the server is up, then run again: every batch written so far is kept",
            last);
    }
}
