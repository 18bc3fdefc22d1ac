namespace Clinical.Infrastructure;

/// <summary>
/// How migrate (and import's implicit migrate) treats the AACT layer's one database-wide setting: by default it sets the
/// database's default <c>search_path</c> so that unqualified AACT names resolve; <c>--no-search-path</c> or
/// <c>CLINICAL_SEARCH_PATH=keep</c> leaves the setting as it is.
/// </summary>
public sealed record AactLayerOptions(bool SetSearchPath = true)
{
    public const string SearchPathVariable = "CLINICAL_SEARCH_PATH";

    /// <summary>The database default <c>search_path</c> migrate sets, as AACT's server has it (plus <c>"$user"</c>).</summary>
    public const string SearchPath = "\"$user\", ctgov, public";

    /// <summary>
    /// The options from a command's <c>--no-search-path</c> flag and <see cref="SearchPathVariable"/> (<c>set</c>, the
    /// default, or <c>keep</c>); the flag wins. Throws <see cref="ArgumentException"/> with a one-line message for another value.
    /// </summary>
    public static AactLayerOptions Resolve(bool noSearchPath, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var value = environment(SearchPathVariable)?.Trim();
        var keep = value?.ToUpperInvariant() switch
        {
            null or "" or "SET" => false,
            "KEEP" => true,
            _ => throw new ArgumentException($"{SearchPathVariable} must be 'set' or 'keep', not '{value}'"),
        };
        return new AactLayerOptions(!(noSearchPath || keep));
    }
}
