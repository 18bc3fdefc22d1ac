namespace Clinical.Application.Studies.Import;

/// <summary>
/// One study exactly as it stands in the input: its UTF-8 bytes, where it starts, and its place in the file. A source hands
/// on raw studies so that a study that cannot be parsed costs only itself, and can be hashed and quarantined verbatim.
/// </summary>
/// <param name="Ordinal">0-based position of the study in the input.</param>
/// <param name="ByteOffset">Offset of the study's first byte in the (decompressed) input.</param>
/// <param name="Line">1-based line of the study's first byte.</param>
/// <param name="Utf8">The study's JSON text.</param>
public sealed record RawStudy(long Ordinal, long ByteOffset, long Line, ReadOnlyMemory<byte> Utf8);
