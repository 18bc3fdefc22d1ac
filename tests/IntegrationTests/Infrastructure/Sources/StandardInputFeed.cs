using System.IO.Pipes;
using Clinical.Infrastructure.Sources;
using Microsoft.Win32.SafeHandles;

namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>
/// Standard input for tests, injected in place of the console's. Fed bytes arrive through a real OS pipe, read as the
/// console reads a redirected stdin: a blocking <c>read(2)</c> on a <see cref="FileStream"/> that ignores the
/// cancellation token. A pipe can also be left open with nothing ever written, like a stalled <c>curl … |</c>.
/// </summary>
internal sealed class StandardInputFeed : IStandardInput, IAsyncDisposable
{
    private readonly List<AnonymousPipeServerStream> _writers = [];
    private readonly List<FileStream> _readers = [];
    private readonly List<Task> _writing = [];
    private Func<Stream>? _open;

    /// <summary>How many times the adapter opened standard input.</summary>
    public int Opened { get; private set; }

    public Stream Open()
    {
        Opened++;
        return (_open ?? throw new InvalidOperationException("Nothing was fed to standard input."))();
    }

    /// <summary>Writes <paramref name="content"/> into a pipe in 64 KB pieces, then closes it (end of input).</summary>
    public void FeedThroughPipe(byte[] content)
    {
        var (writer, reader) = CreatePipe();
        _writing.Add(Task.Run(async () =>
        {
            await using (writer)
            {
                for (var at = 0; at < content.Length; at += 1 << 16)
                {
                    await writer.WriteAsync(content.AsMemory(at, Math.Min(1 << 16, content.Length - at)));
                }
            }
        }));
        _open = () => reader;
    }

    /// <summary>A pipe whose writer stays open and never writes: a read of it blocks until the feed is disposed.</summary>
    public void FeedSilentPipe()
    {
        var (_, reader) = CreatePipe();
        _open = () => reader;
    }

    /// <summary>Any stream, e.g. one that generates its content as it is read.</summary>
    public void FeedStream(Stream stream) => _open = () => stream;

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.DisposeAsync(); // ends a blocked read with end of input
        }

        foreach (var writing in _writing)
        {
            try
            {
                await writing;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The reader stopped early (a test that reads only part of the input): a broken pipe.
            }
        }

        foreach (var reader in _readers)
        {
            await reader.DisposeAsync();
        }
    }

    private (AnonymousPipeServerStream Writer, FileStream Reader) CreatePipe()
    {
        var writer = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        _writers.Add(writer);

        // The reading end moves into a FileStream that owns it; the pipe object then closes only the writing end.
        var readEnd = new SafeFileHandle(writer.ClientSafePipeHandle.DangerousGetHandle(), ownsHandle: true);
        writer.ClientSafePipeHandle.SetHandleAsInvalid();
        var reader = new FileStream(readEnd, FileAccess.Read, bufferSize: 0);
        _readers.Add(reader);
        return (writer, reader);
    }
}
