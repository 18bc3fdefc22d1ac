namespace Clinical.Application.Studies.Import;

/// <summary>
/// A flaw in the input's structure that cost no study: a doubled or missing comma, a stray <c>]</c> or <c>}</c> between
/// studies, data after the closing <c>]</c>. The reader steps over it; the run counts it by <see cref="Rule"/> and ends
/// "succeeded with warnings" (exit 3), so a damaged file never passes silently.
/// </summary>
/// <param name="Rule">What was wrong, e.g. <c>json-extra-comma</c>; counted in <c>import_runs.warnings_by_rule</c>.</param>
/// <param name="ByteOffset">Where, in bytes from the start of the (decompressed) input.</param>
/// <param name="Message">What the reader did about it, in words.</param>
public sealed record InputWarning(string Rule, long ByteOffset, string Message)
{
    public const string ExtraComma = "json-extra-comma";
    public const string MissingComma = "json-missing-comma";
    public const string StrayBracket = "json-stray-bracket";
    public const string StrayBrace = "json-stray-brace";
    public const string TrailingData = "json-trailing-data";
}
