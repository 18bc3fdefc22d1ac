using System.IO.Compression;

namespace Clinical.Infrastructure.Persistence.History;

/// <summary>
/// How a kept version's JSON is stored: Brotli, compressed by the client (the server stores the bytes as they are). A study's
/// JSON repeats its keys and phrases, so even Brotli's fastest levels shrink it several times over, at a cost paid only for
/// studies that changed.
/// </summary>
public static class VersionContent
{
    /// <summary>Brotli quality 1 of 11 and a 4 MiB window: measured in docs/history.md (bytes per version, time per study).</summary>
    public const int Quality = 1;

    private const int Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> utf8Json)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(utf8Json.Length)];
        if (!BrotliEncoder.TryCompress(utf8Json, buffer, out var written, Quality, Window))
        {
            throw new InvalidOperationException($"Brotli could not compress {utf8Json.Length} bytes into its own bound of {buffer.Length}.");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var input = new MemoryStream(compressed, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 6);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
