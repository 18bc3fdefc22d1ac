using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Reads the website download (<c>ctg-studies.json</c>): a top-level JSON array of studies, of any size, in constant
/// memory. Each study is handed on as its own copy of its UTF-8 bytes. Tolerates a UTF-8 byte order mark.
/// </summary>
public sealed class JsonArrayStudySource : IStudySource
{
    private const int InitialBufferSize = 1 << 20;
    private const int MaxStudyBytes = 512 << 20;

    public StudySourceInfo Describe(string path) =>
        new(path, "json-array", File.Exists(path) ? new FileInfo(path).Length : null);

    public async IAsyncEnumerable<RawStudy> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = Open(path);
        var splitter = new JsonArraySplitter(path);
        var found = new List<(int Start, int Length, long Line)>();
        var buffer = new byte[InitialBufferSize];
        int start = 0, end = 0;
        long bufferOffset = 0, ordinal = 0;
        var isFinal = false;
        var first = true;

        while (true)
        {
            if (!isFinal && end < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                if (read == 0)
                {
                    isFinal = true;
                }

                end += read;
            }

            if (first && end - start >= 3 || isFinal && first)
            {
                first = false;
                if (buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8))
                {
                    start += 3;
                }
            }
            else if (first && !isFinal)
            {
                continue;
            }

            found.Clear();
            var consumed = splitter.Split(buffer.AsSpan(start, end - start), bufferOffset + start, isFinal, found);
            foreach (var (elementStart, length, line) in found)
            {
                var copy = buffer.AsSpan(start + elementStart, length).ToArray();
                yield return new RawStudy(ordinal++, bufferOffset + start + elementStart, line, copy);
            }

            start += consumed;
            if (isFinal && (consumed == 0 || start == end))
            {
                if (!splitter.Done)
                {
                    throw new StudySourceException(path, "The file ends before the array of studies is closed (truncated?).", bufferOffset + end);
                }

                yield break;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                bufferOffset += start;
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                if (buffer.Length >= MaxStudyBytes)
                {
                    throw new StudySourceException(path, $"A single study is larger than {MaxStudyBytes >> 20} MB; the file is not a ClinicalTrials.gov download.", bufferOffset);
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private static FileStream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new StudySourceException(path, "This is a directory, not a study file.");
        }

        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 0,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StudySourceException(path, "The file does not exist.", inner: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StudySourceException(path, "The file cannot be read (permission denied).", inner: ex);
        }
        catch (IOException ex)
        {
            throw new StudySourceException(path, $"The file cannot be read: {ex.Message}", inner: ex);
        }
    }
}
