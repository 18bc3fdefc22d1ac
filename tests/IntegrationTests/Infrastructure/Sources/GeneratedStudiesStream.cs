using System.Globalization;
using System.Text;

namespace Clinical.IntegrationTests.Infrastructure.Sources;

/// <summary>
/// A JSON array of <c>count</c> small but valid studies, made from one template as the stream is read: a large input
/// that never exists in memory or on disk. Each study carries its own NCT number and a summary of about
/// <c>summaryChars</c> characters.
/// </summary>
internal sealed class GeneratedStudiesStream(int count, int summaryChars) : Stream
{
    private const string Sentence = "Participants receive the study drug or placebo. ";
    private readonly string _summary = string.Concat(Enumerable.Repeat(Sentence, (summaryChars / Sentence.Length) + 1))[..summaryChars];
    private readonly int _count = count;
    private byte[] _chunk = "[\n"u8.ToArray();
    private int _at;
    private int _next;
    private long _produced;

    /// <summary>Bytes handed out so far.</summary>
    public long Produced => _produced;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_at == _chunk.Length && !NextChunk())
            {
                break;
            }

            var take = Math.Min(buffer.Length - written, _chunk.Length - _at);
            _chunk.AsSpan(_at, take).CopyTo(buffer[written..]);
            _at += take;
            written += take;
        }

        _produced += written;
        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool NextChunk()
    {
        if (_next > _count)
        {
            return false;
        }

        var number = _next++;
        _chunk = number == _count ? "\n]\n"u8.ToArray() : Encoding.UTF8.GetBytes((number == 0 ? string.Empty : ",\n") + Study(number));
        _at = 0;
        return true;
    }

    private string Study(int number) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"protocolSection":{"identificationModule":{"nctId":"NCT{{{number:D8}}}","briefTitle":"Generated study {{{number}}}"},"statusModule":{"overallStatus":"COMPLETED"},"descriptionModule":{"briefSummary":"{{{_summary}}}"}},"hasResults":false}""");
}
