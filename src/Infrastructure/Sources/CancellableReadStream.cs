namespace Clinical.Infrastructure.Sources;

/// <summary>
/// A read-only stream whose asynchronous reads end with <see cref="OperationCanceledException"/> as soon as their token
/// is cancelled, even when the inner stream ignores the token (the console's standard input blocks in <c>read(2)</c>).
/// A read that completes is handed on whole, so no byte is lost; a read abandoned on cancellation is left to the inner
/// stream, whose bytes nobody wants any more. Disposing does not wait for such a read.
/// </summary>
internal sealed class CancellableReadStream(Stream inner) : Stream
{
    private readonly Stream _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var read = _inner.ReadAsync(buffer, cancellationToken);
        return read.IsCompleted || !cancellationToken.CanBeCanceled ? read : new ValueTask<int>(read.AsTask().WaitAsync(cancellationToken));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
