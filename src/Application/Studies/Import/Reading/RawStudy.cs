using System.Runtime.InteropServices;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// One study exactly as it stands in the input: its UTF-8 bytes, where it starts, and its place in the file. A source hands
/// on raw studies so that a study that cannot be parsed costs only itself, and can be hashed and quarantined verbatim.
/// </summary>
/// <param name="Ordinal">0-based position of the study in the input.</param>
/// <param name="ByteOffset">Offset of the study's first byte in the (decompressed) input.</param>
/// <param name="Line">1-based line of the study's first byte.</param>
/// <param name="Utf8">The study's JSON text (only its first bytes when <paramref name="OversizeLength"/> is set).</param>
/// <param name="OversizeLength">
/// Set when the study is larger than the reader's size limit: its whole length in bytes. <paramref name="Utf8"/> then holds
/// a cut-off prefix, read in constant memory, and the study is quarantined with it.
/// </param>
/// <param name="Warning">
/// Set on a note rather than a study: a structural flaw of the input at this point (<paramref name="Utf8"/> is empty, the
/// ordinal is not used). Sources hand notes on in input order, between the studies.
/// </param>
public sealed record RawStudy(long Ordinal, long ByteOffset, long Line, ReadOnlyMemory<byte> Utf8, long? OversizeLength = null, InputWarning? Warning = null)
{
    private Action<byte[]>? _return; // set while the bytes lie in a rented array not yet given back

    /// <summary>A note about the input's structure, handed on between studies.</summary>
    public static RawStudy Note(InputWarning warning) => new(-1, warning.ByteOffset, 0, ReadOnlyMemory<byte>.Empty, Warning: warning);

    /// <summary>
    /// A study whose bytes are the first <paramref name="length"/> of an array rented from a pool: the reader gives the array
    /// back (<see cref="Release"/>) once the study's chunk is processed, so the bytes of the studies in flight are reused, not
    /// left to the GC. Nothing may keep <see cref="Utf8"/> past that: a quarantined study keeps its own copy.
    /// </summary>
    public static RawStudy Rented(long ordinal, long byteOffset, long line, byte[] array, int length, Action<byte[]> returnArray) =>
        new(ordinal, byteOffset, line, array.AsMemory(0, length)) { _return = returnArray };

    /// <summary>Gives a rented study's array back to its pool, once; the study's bytes must not be read after. Nothing for others.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _return, null) is { } returnArray && MemoryMarshal.TryGetArray(Utf8, out var rented))
        {
            returnArray(rented.Array!);
        }
    }

    /// <summary>The study quarantined verbatim, with its own copy of the bytes (they outlive the chunk, the rented array does not).</summary>
    public QuarantinedStudy Quarantine(string? nctId, string reason, string? jsonPath, byte[] contentSha256) =>
        new(Ordinal, ByteOffset, nctId, reason, jsonPath, Utf8.ToArray(), contentSha256);
}
