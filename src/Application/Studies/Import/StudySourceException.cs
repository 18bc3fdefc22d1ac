namespace Clinical.Application.Studies.Import;

/// <summary>The input as a whole cannot be read further: it names where (byte offset, line, column) and why.</summary>
public sealed class StudySourceException(string path, string reason, long? byteOffset = null, long? line = null, long? column = null, Exception? inner = null)
    : Exception(Describe(path, reason, byteOffset, line, column), inner)
{
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
