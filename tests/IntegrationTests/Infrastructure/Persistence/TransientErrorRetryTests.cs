using System.Net.Sockets;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence;
using Clinical.IntegrationTests.Infrastructure.Api;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>The store's retry policy, with fake failures: no database.</summary>
public sealed class TransientErrorRetryTests
{
    private int _attempts;
    private int _poolClears;

    [Fact]
    public async Task ExecuteAsync_BrokenConnectionThenSuccess_RetriesClearsThePoolAndReturnsTheResult()
    {
        var retry = Retry(TimeSpan.Zero);

        var result = await retry.ExecuteAsync(_ => FailTimes(1, () => new NpgsqlException("connection broken", new IOException("reset by peer"))), TestContext.Current.CancellationToken);

        result.ShouldBe(2);
        _attempts.ShouldBe(2);
        _poolClears.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_ServerShutdownTerminatedTheSession_IsRetried()
    {
        var retry = Retry(TimeSpan.Zero);

        var result = await retry.ExecuteAsync(_ => FailTimes(2, () => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)), TestContext.Current.CancellationToken);

        result.ShouldBe(3);
        _attempts.ShouldBe(3);
    }

    [Fact]
    public async Task ExecuteAsync_PermanentError_ThrowsAtOnceWithoutRetry()
    {
        var retry = Retry(TimeSpan.Zero);
        var permanent = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        var thrown = await Should.ThrowAsync<PostgresException>(() => retry.ExecuteAsync(_ => FailTimes(1, () => permanent), TestContext.Current.CancellationToken));

        thrown.ShouldBeSameAs(permanent);
        _attempts.ShouldBe(1);
        _poolClears.ShouldBe(0);
    }

    [Fact]
    public async Task ExecuteAsync_DiskFull_ThrowsAtOnceWithoutRetry()
    {
        var retry = Retry(TimeSpan.Zero);
        var full = new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", PostgresErrorCodes.DiskFull);

        var thrown = await Should.ThrowAsync<PostgresException>(() => retry.ExecuteAsync(_ => FailTimes(1, () => full), TestContext.Current.CancellationToken));

        thrown.ShouldBeSameAs(full);
        _attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_NotADatabaseError_ThrowsAtOnceWithoutRetry()
    {
        var retry = Retry(TimeSpan.Zero);

        await Should.ThrowAsync<InvalidOperationException>(() => retry.ExecuteAsync(_ => FailTimes(1, () => new InvalidOperationException("a bug")), TestContext.Current.CancellationToken));

        _attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_TransientEveryTime_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        var retry = Retry(TimeSpan.Zero);

        var thrown = await Should.ThrowAsync<NpgsqlException>(() => retry.ExecuteAsync(_ => FailTimes(int.MaxValue, () => new NpgsqlException($"broken {_attempts}", new IOException())), TestContext.Current.CancellationToken));

        _attempts.ShouldBe(TransientErrorRetry.MaxAttempts);
        thrown.ShouldBeOfType<DatabaseFaultException>().IsTransient.ShouldBeFalse();
        thrown.Message.ShouldStartWith($"the database stayed unreachable: {TransientErrorRetry.MaxAttempts} attempts over ");
        thrown.Message.ShouldContain($" s ({TransientErrorRetry.MaxAttempts - 1} retries), the last one failed with: broken {TransientErrorRetry.MaxAttempts} (");
        thrown.InnerException.ShouldBeOfType<NpgsqlException>().Message.ShouldBe($"broken {TransientErrorRetry.MaxAttempts}");
        _poolClears.ShouldBe(TransientErrorRetry.MaxAttempts - 1);
    }

    [Fact]
    public async Task ExecuteAsync_BudgetOfThreeAttempts_GivesUpAfterThreeSayingHowManyAttemptsOverHowLong()
    {
        var retry = new TransientErrorRetry(() => _poolClears++, TimeProvider.System, new RetryBudget(3, TimeSpan.FromMilliseconds(1)));

        var thrown = await Should.ThrowAsync<NpgsqlException>(() => retry.ExecuteAsync(_ => FailTimes(int.MaxValue, () => new NpgsqlException("Failed to connect to 127.0.0.1:1", new SocketException((int)SocketError.ConnectionRefused))), TestContext.Current.CancellationToken));

        _attempts.ShouldBe(3);
        _poolClears.ShouldBe(2);
        thrown.Message.ShouldStartWith("the database stayed unreachable: 3 attempts over ");
        thrown.Message.ShouldContain(" s (2 retries), the last one failed with: Failed to connect to 127.0.0.1:1 (");
    }

    [Fact]
    public void Resolve_Variables_SetTheBudgetAndABadValueIsOneLineNamingIt()
    {
        var set = new Dictionary<string, string> { [RetryBudget.AttemptsVariable] = "6", [RetryBudget.PauseVariable] = "250ms" };

        var budget = RetryBudget.Resolve(name => set.GetValueOrDefault(name));
        var defaults = RetryBudget.Resolve(_ => null);
        var bad = Should.Throw<DatabaseSettingsException>(() => RetryBudget.Resolve(name => name == RetryBudget.AttemptsVariable ? "many" : null));

        budget.ShouldBe(new RetryBudget(6, TimeSpan.FromMilliseconds(250)));
        budget.TotalPause.ShouldBe(TimeSpan.FromMilliseconds(250 * (1 + 4 + 9 + 16 + 25)));
        defaults.ShouldBe(RetryBudget.Default);
        defaults.TotalPause.ShouldBe(TimeSpan.FromSeconds(14));
        bad.Message.ShouldBe("CLINICAL_DB_ATTEMPTS 'many' is not a number of attempts (1-100).");
    }

    [Fact(Timeout = 30_000)] // a hang guard: time is the fake clock's, moved by the test
    public async Task ExecuteAsync_TransientEveryTime_PausesGrowWithTheSquareOfTheAttempt()
    {
        var unit = TimeSpan.FromSeconds(1);
        var clock = new WaitRecordingTimeProvider();
        var retry = new TransientErrorRetry(() => _poolClears++, clock, unit);

        var running = retry.ExecuteAsync(_ => FailTimes(int.MaxValue, () => new NpgsqlException("broken", new IOException())), TestContext.Current.CancellationToken);
        var pauses = new List<TimeSpan>();
        for (var pause = 1; pause <= 3; pause++)
        {
            var wait = await clock.NextWaitAsync(TestContext.Current.CancellationToken);
            _attempts.ShouldBe(pause); // no attempt before the pause has been waited out in full
            pauses.Add(wait);
            clock.Advance(wait);
        }

        // 1², 2², 3² units between 4 attempts (linear growth would be 1, 2, 3; none, 0).
        await Should.ThrowAsync<NpgsqlException>(() => running);
        pauses.ShouldBe([unit, unit * 4, unit * 9]);
        _attempts.ShouldBe(4);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledDuringThePause_ThrowsOperationCanceledWithoutAnotherAttempt()
    {
        var retry = Retry(TimeSpan.FromMinutes(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Should.ThrowAsync<OperationCanceledException>(() => retry.ExecuteAsync(_ => FailTimes(int.MaxValue, () => new NpgsqlException("broken", new IOException())), cancellation.Token));

        _attempts.ShouldBe(1);
    }

    private TransientErrorRetry Retry(TimeSpan pauseUnit) => new(() => _poolClears++, TimeProvider.System, pauseUnit);

    private Task<int> FailTimes(int failures, Func<Exception> failure)
    {
        _attempts++;
        return _attempts <= failures ? Task.FromException<int>(failure()) : Task.FromResult(_attempts);
    }
}
