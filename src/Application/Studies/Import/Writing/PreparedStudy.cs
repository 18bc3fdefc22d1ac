using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// A valid study in the form its store writes it (<see cref="IStudyRowEncoder.Prepare"/>), with its lineage. Studies are
/// prepared on the reader's threads, so the batches that wait for the writers hold compact rows, not object graphs.
/// The rows are opaque to the Application: one buffer (usually pooled) that holds the study's rows table after table,
/// the end offset of each table's segment, and the callback that gives the buffer back once the batch is written.
/// </summary>
public sealed class PreparedStudy
{
    private readonly int[] _segmentEnds;
    private readonly Action<byte[]>? _release;
    private byte[]? _buffer;

    /// <param name="nctId">The study's NCT number.</param>
    /// <param name="contentSha256">SHA-256 of the study's raw JSON text.</param>
    /// <param name="ordinal">The study's position in the input (0-based).</param>
    /// <param name="rows">Rows the study has in all tables.</param>
    /// <param name="buffer">The encoded rows, segment after segment (the buffer may be longer than the last end).</param>
    /// <param name="segmentEnds">The end offset in <paramref name="buffer"/> of each segment, in order.</param>
    /// <param name="release">Gives <paramref name="buffer"/> back (to its pool) once the study is written; called once.</param>
    public PreparedStudy(NctId nctId, byte[] contentSha256, long ordinal, long rows, byte[] buffer, int[] segmentEnds, Action<byte[]>? release)
    {
        ArgumentNullException.ThrowIfNull(contentSha256);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(segmentEnds);
        if (segmentEnds.Length > 0 && segmentEnds[^1] > buffer.Length)
        {
            throw new ArgumentException($"The last segment of {nctId} ends at {segmentEnds[^1]}, past its buffer of {buffer.Length} bytes.", nameof(segmentEnds));
        }

        NctId = nctId;
        ContentSha256 = contentSha256;
        Ordinal = ordinal;
        Rows = rows;
        _buffer = buffer;
        _segmentEnds = segmentEnds;
        _release = release;
    }

    public NctId NctId { get; }

    /// <summary>SHA-256 of the study's raw JSON text.</summary>
    public byte[] ContentSha256 { get; }

    /// <summary>The study's position in the input (0-based).</summary>
    public long Ordinal { get; }

    /// <summary>Rows the study has in all tables.</summary>
    public long Rows { get; }

    /// <summary>How many segments (tables, for the PostgreSQL store) the rows are cut into.</summary>
    public int Segments => _segmentEnds.Length;

    /// <summary>A study that carries no rows (a dry run prepares nothing beyond the mapped study, which it drops).</summary>
    public static PreparedStudy WithoutRows(NctId nctId, byte[] contentSha256, long ordinal) =>
        new(nctId, contentSha256, ordinal, 0, [], [], null);

    /// <summary>The encoded rows of segment number <paramref name="segment"/>; throws once the rows were released.</summary>
    public ReadOnlyMemory<byte> Segment(int segment)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(PreparedStudy), $"The rows of {NctId} were released.");
        var start = segment == 0 ? 0 : _segmentEnds[segment - 1];
        return buffer.AsMemory(start, _segmentEnds[segment] - start);
    }

    /// <summary>Gives the rows' buffer back once the study's batch is written (or has failed for good). Safe to call twice.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            _release?.Invoke(buffer);
        }
    }
}
