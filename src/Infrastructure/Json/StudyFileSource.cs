using System.IO.Compression;
using System.Runtime.CompilerServices;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Sources;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// The adapter for local files and folders, recognised by content rather than by name: the website download (a top-level
/// JSON array), NDJSON or single-study files, an API page (<c>{"studies":[…]}</c>), any of these gzip-compressed, the
/// registry zip (one JSON file per study), and a folder of such files. It reads any location that exists on disk.
/// </summary>
public sealed class StudyFileSource(StudyReaderOptions? options = null) : IStudySourceAdapter
{
    private const int DetectBytes = 4096;
    private const string FetchAgain = "The download is incomplete: fetch it again.";
    private readonly StudyReaderOptions _options = options ?? new StudyReaderOptions();

    public string Reads => "an existing file or folder (JSON array, NDJSON, API page, gzip, zip)";

    public bool CanRead(string location) => File.Exists(location) || Directory.Exists(location);

    /// <summary>The kind from the first bytes; the path made absolute, as the run record keeps it.</summary>
    public StudySourceInfo Describe(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(path))
        {
            return new StudySourceInfo(fullPath, "directory", null);
        }

        if (!File.Exists(path))
        {
            return new StudySourceInfo(fullPath, "missing", null);
        }

        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return new StudySourceInfo(fullPath, "unreadable", null); // reading says why, with a clear message
        }

        using var _ = file;
        var head = new byte[DetectBytes];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var kind = Container(head.AsSpan(0, read)) switch
        {
            "gzip" => "gzip",
            "zip" => "zip",
            _ => JsonLayoutDetector.Detect(head.AsSpan(0, read)) switch
            {
                JsonLayout.Page => "api-page",
                JsonLayout.Sequence => "ndjson",
                _ => "json-array",
            },
        };

        // Progress is measured in bytes of JSON read; a compressed file's size would not compare.
        return new StudySourceInfo(fullPath, kind, kind is "gzip" or "zip" ? null : file.Length);
    }

    public async IAsyncEnumerable<RawStudy> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = new StudyStreamPosition { MaxStudyBytes = _options.MaxStudyBytes };
        IReadOnlyList<string> files = Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsStudyFile).Order(StringComparer.Ordinal)]
            : [path];
        if (files.Count == 0)
        {
            throw new StudySourceException(path, "The directory holds no study files (*.json, *.ndjson, *.gz, *.zip).");
        }

        foreach (var file in files)
        {
            // The container's own errors (a cut-off or damaged zip or gzip) leave as one clear input error.
            await using var studies = ReadFileAsync(file, position, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await NextAsync(studies, file))
            {
                yield return studies.Current;
            }
        }
    }

    /// <summary>
    /// Moves to the next study, turning a damaged container into a <see cref="StudySourceException"/> that says the
    /// download is incomplete, and a JSON break inside a compressed file into one that says so too.
    /// </summary>
    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<RawStudy> studies, string path)
    {
        try
        {
            return await studies.MoveNextAsync();
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            throw new StudySourceException(path, $"{ContainerName(path)} is cut off or damaged ({ex.Message.TrimEnd('.')}). {FetchAgain}", inner: ex);
        }
        catch (StudySourceException ex) when (ex.Truncated && ContainerOf(path) is not null)
        {
            throw new StudySourceException(ex.Path, $"{ContainerName(path)} ends early. {FetchAgain} ({ex.Reason})", ex.ByteOffset, ex.Line, ex.Column, ex);
        }
    }

    private static string ContainerName(string path) => ContainerOf(path) switch
    {
        "zip" => "The zip file",
        "gzip" => "The gzip file",
        _ => "The file",
    };

    private static string? ContainerOf(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> head = stackalloc byte[4];
            return Container(head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsStudyFile(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static string? Container(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "gzip" : head.StartsWith("PK\u0003\u0004"u8) ? "zip" : null;

    private static async IAsyncEnumerable<RawStudy> ReadFileAsync(string path, StudyStreamPosition position, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = Open(path);
        var head = new byte[4];
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        switch (Container(head.AsSpan(0, read)))
        {
            case "gzip":
                await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
                {
                    await foreach (var study in StudyStreamReader.ReadAsync(gzip, path, position, cancellationToken))
                    {
                        yield return study;
                    }
                }

                break;
            case "zip":
                using (var zip = new ZipArchive(file, ZipArchiveMode.Read))
                {
                    // The registry zip: one study per entry (NCTxxxxxxxx.json), read in name order for a stable ordinal.
                    foreach (var entry in zip.Entries.Where(e => e.Length > 0 && IsStudyFile(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal))
                    {
                        await using var content = entry.Open();
                        await foreach (var study in StudyStreamReader.ReadAsync(content, $"{path}!{entry.FullName}", position, cancellationToken, entry.Length))
                        {
                            yield return study;
                        }
                    }
                }

                break;
            default:
                await foreach (var study in StudyStreamReader.ReadAsync(file, path, position, cancellationToken, file.Length))
                {
                    yield return study;
                }

                break;
        }
    }

    private static FileStream Open(string path)
    {
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
