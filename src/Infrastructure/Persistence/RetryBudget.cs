using System.Globalization;

namespace Clinical.Infrastructure.Persistence;

/// <summary>
/// How long the store keeps retrying a unit of work whose connection broke: <see cref="Attempts"/> attempts in all, the
/// n-th pause n² × <see cref="PauseUnit"/> (by default 4 attempts, pauses 1 s, 4 s, 9 s: 14 s in all). Set with
/// <see cref="AttemptsVariable"/> and <see cref="PauseVariable"/>.
/// </summary>
public sealed record RetryBudget(int Attempts, TimeSpan PauseUnit)
{
    public const string AttemptsVariable = "CLINICAL_DB_ATTEMPTS";

    public const string PauseVariable = "CLINICAL_DB_RETRY_PAUSE";

    public static RetryBudget Default { get; } = new(4, TimeSpan.FromSeconds(1));

    /// <summary>The sum of the pauses between the attempts.</summary>
    public TimeSpan TotalPause => PauseUnit * Enumerable.Range(1, Attempts - 1).Sum(n => n * n);

    /// <summary>The budget from the environment, the default where a variable is not set; a bad value throws <see cref="DatabaseSettingsException"/>.</summary>
    public static RetryBudget Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var attempts = environment(AttemptsVariable) is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100
                ? n
                : throw new DatabaseSettingsException($"{AttemptsVariable} '{text}' is not a number of attempts (1-100).")
            : Default.Attempts;
        var pause = environment(PauseVariable) is { Length: > 0 } duration
            ? DatabaseSettings.ParseTimeout(duration, PauseVariable)
            : Default.PauseUnit;
        return new RetryBudget(attempts, pause);
    }
}
