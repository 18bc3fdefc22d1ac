namespace Clinical.Infrastructure.Files;

/// <summary>
/// Counts the records of RFC 4180 CSV as it streams past: line ends outside quotes. A quote inside a quoted value is
/// doubled, which toggles the state twice, so no look-ahead is needed.
/// </summary>
internal sealed class CsvRowCounter
{
    private bool _quoted;

    /// <summary>Line ends seen outside quotes so far (the header's included).</summary>
    public long Lines { get; private set; }

    public void Add(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c == '"')
            {
                _quoted = !_quoted;
            }
            else if (c == '\n' && !_quoted)
            {
                Lines++;
            }
        }
    }
}
