namespace Clinical.Application.Studies.Import;

/// <summary>
/// The input as a whole cannot be read further: it names where (byte offset, line, column) and why. <c>Truncated</c>: the
/// input ends before its JSON does (a cut-off download).
/// </summary>
public sealed class StudySourceException(string path, string reason, long? byteOffset = null, long? line = null, long? column = null, Exception? inner = null, bool truncated = false)
    : Exception(Describe(path, reason, byteOffset, line, column), inner)
{
    /// <summary>The input ends before its JSON does: most often a download that did not finish.</summary>
    public bool Truncated { get; } = truncated;

    public string Path { get; } = path;

    public string Reason { get; } = reason;

    public long? ByteOffset { get; } = byteOffset;

    public long? Line { get; } = line;

    public long? Column { get; } = column;

    private static string Describe(string path, string reason, long? byteOffset, long? line, long? column)
    {
        var where = byteOffset is null ? string.Empty
            : line is null ? $" at byte {byteOffset}"
            : column is null ? $" at byte {byteOffset} (line {line})"
            : $" at byte {byteOffset} (line {line}, column {column})";
        return $"{path}{where}: {reason}";
    }
}
