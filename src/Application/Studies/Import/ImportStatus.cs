namespace Clinical.Application.Studies.Import;

/// <summary>How a run ended.</summary>
public enum ImportStatus
{
    /// <summary>Every study of the input was read; some may have been rejected.</summary>
    Succeeded,

    /// <summary>The input broke off (syntax error, truncation); the studies before the break were imported.</summary>
    InputError,

    /// <summary>Stopped on request after the batch in flight.</summary>
    Cancelled,

    /// <summary>An unexpected failure (e.g. the database went away).</summary>
    Failed,

    /// <summary>Every study of the input was read, but the input had structural flaws (see <see cref="InputWarning"/>).</summary>
    SucceededWithWarnings,
}
