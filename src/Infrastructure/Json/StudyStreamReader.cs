using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Buffers;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Splits one JSON input stream, whatever its layout (a top-level array, NDJSON or single studies, an API page), into
/// raw studies in constant memory: each study is handed on as its own copy of its UTF-8 bytes (in an array of the study
/// buffer pool, given back once the study is processed), with its ordinal and byte
/// offset counted on <see cref="StudyStreamPosition"/> across the parts of one input. Tolerates a UTF-8 byte order mark.
/// The input's structural flaws are handed on as notes between the studies (<see cref="RawStudy.Note"/>). A study over the
/// size limit is stepped over in constant memory and handed on cut off, marked with its size; white space beyond the limit
/// (a decompression bomb) is dropped as it comes. Every adapter whose input is JSON reads it through here.
/// </summary>
internal static class StudyStreamReader
{
    private const int InitialBufferSize = 1 << 20;
    private const int DetectBytes = 4096;

    // One delegate for every study: releasing allocates nothing.
    private static readonly Action<byte[]> ReturnToPool = static bytes => StudyBufferPool.Shared.Return(bytes);

    /// <summary>Splits one JSON input, whatever its layout, into studies; an API page's next token lands in <paramref name="position"/>.</summary>
    public static async IAsyncEnumerable<RawStudy> ReadAsync(Stream stream, string name, StudyStreamPosition position, [EnumeratorCancellation] CancellationToken cancellationToken, long? length = null)
    {
        var limit = (int)Math.Clamp(position.MaxStudyBytes, StudyReaderOptions.CutOffPrefixBytes * 2, Array.MaxLength);
        var initial = Math.Min(InitialBufferSize, limit);

        // A small input (a zip entry, a one-study file) gets a buffer of its size, not a megabyte each: allocating and
        // zeroing a megabyte per file dominated reading many small files (figures in docs/performance.md).
        var buffer = new byte[length is { } known ? (int)Math.Clamp(known + 1, 16, initial) : initial];
        int start = 0, end = 0;
        long bufferOffset = 0, leadingLines = 0;
        var isFinal = false;

        // Enough bytes to tell the layout (and a byte order mark) before splitting; white space before them is dropped.
        var detect = Math.Min(DetectBytes, buffer.Length);
        while (!isFinal && end < detect)
        {
            // Never past the detection window: a window of white space only is dropped whole, and the layout is told
            // from the first bytes that are not white space (a read past it could end the loop with white space alone).
            var read = await stream.ReadAsync(buffer.AsMemory(end, detect - end), cancellationToken);
            isFinal = read == 0;
            end += read;
            if (!isFinal && end == detect && buffer.AsSpan(0, end).IndexOfAnyExcept(" \t\r\n"u8) < 0)
            {
                leadingLines += buffer.AsSpan(0, end).Count((byte)'\n');
                bufferOffset += end;
                end = 0;
            }
        }

        if (buffer.AsSpan(0, end).StartsWith("\uFEFF"u8))
        {
            start = 3;
        }

        var splitter = new JsonArraySplitter(name, JsonLayoutDetector.Detect(buffer.AsSpan(start, end - start)));
        splitter.SkipLines(leadingLines);
        var found = new List<(int Start, int Length, long Line)>();
        while (true)
        {
            found.Clear();
            var consumed = splitter.Split(buffer.AsSpan(start, end - start), position.Offset + bufferOffset + start, isFinal, found);
            foreach (var warning in splitter.Warnings)
            {
                yield return RawStudy.Note(warning);
            }

            splitter.Warnings.Clear();
            foreach (var (elementStart, elementLength, line) in found)
            {
                var copy = StudyBufferPool.Shared.Rent(elementLength);
                buffer.AsSpan(start + elementStart, elementLength).CopyTo(copy);
                yield return RawStudy.Rented(position.Ordinal++, position.Offset + bufferOffset + start + elementStart, line, copy, elementLength, ReturnToPool);
            }

            start += consumed;
            if (isFinal && (consumed == 0 || start == end))
            {
                if (!splitter.Done)
                {
                    throw new StudySourceException(name, "The file ends before the studies are closed (truncated?).", position.Offset + bufferOffset + end, truncated: true);
                }

                position.Offset += bufferOffset + end;
                position.NextPageToken = splitter.NextPageToken;
                yield break;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                bufferOffset += start;
                end -= start;
                start = 0;
            }

            if (end == buffer.Length && buffer.Length < limit)
            {
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit));
            }
            else if (end == buffer.Length)
            {
                // The limit's worth of bytes and not one whole study: white space to drop, or one study to step over.
                var first = buffer.AsSpan(0, end).IndexOfAnyExcept(" \t\r\n,"u8);
                if (first < 0 || first > end / 2)
                {
                    var gap = first < 0 ? end : first;
                    splitter.SkipLines(buffer.AsSpan(0, gap).Count((byte)'\n'));
                    var commas = Math.Min(buffer.AsSpan(0, gap).Count((byte)','), 2); // kept, so that their flaws still show
                    buffer.AsSpan(gap, end - gap).CopyTo(buffer.AsSpan(commas));
                    buffer.AsSpan(0, commas).Fill((byte)',');
                    bufferOffset += gap - commas;
                    end -= gap - commas;
                }
                else if (splitter.CanSkipElement && buffer[first] is (byte)'{' or (byte)'[' or (byte)'"')
                {
                    var offset = position.Offset + bufferOffset + first;
                    var lines = (long)buffer.AsSpan(0, first).Count((byte)'\n');
                    var line = splitter.Line + lines;
                    var prefix = buffer.AsSpan(first, StudyReaderOptions.CutOffPrefixBytes).ToArray();
                    var skipper = new JsonValueSkipper();
                    long size = 0;
                    start = first;
                    while (true)
                    {
                        var used = skipper.Feed(buffer.AsSpan(start, end - start));
                        lines += buffer.AsSpan(start, used).Count((byte)'\n');
                        size += used;
                        start += used;
                        if (skipper.Done || isFinal)
                        {
                            break;
                        }

                        bufferOffset += end;
                        (start, end) = (0, 0);
                        var read = await stream.ReadAsync(buffer, cancellationToken);
                        isFinal = read == 0;
                        end = read;
                    }

                    yield return new RawStudy(position.Ordinal++, offset, line, prefix, OversizeLength: size);
                    if (!skipper.Done)
                    {
                        throw new StudySourceException(name, $"The file ends inside a study of more than {size:N0} bytes (truncated?).", offset + size, truncated: true);
                    }

                    splitter.ElementSkipped(lines);
                    continue; // split what follows the study
                }
                else
                {
                    throw new StudySourceException(name, $"More than {limit >> 20} MB without a whole study; the file is not a ClinicalTrials.gov download.", position.Offset + bufferOffset);
                }
            }

            if (!isFinal)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                isFinal = read == 0;
                end += read;
            }
        }
    }
}
