using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Clinical.Infrastructure.Persistence.Copy;

/// <summary>
/// Encodes rows in PostgreSQL's binary COPY format into a reusable buffer, for Npgsql's raw binary COPY stream
/// (<c>NpgsqlConnection.BeginRawBinaryCopy</c>). Encoding is plain span writes, so a batch's tables can be encoded on
/// all cores while the connection streams: Npgsql's per-value <c>NpgsqlBinaryImporter.Write</c> made the single writer
/// thread the bottleneck of the import (docs/performance.md).
/// </summary>
/// <remarks>Format: https://www.postgresql.org/docs/current/sql-copy.html (binary format): a header, per row an int16
/// field count, per field an int32 byte length (-1 for null) and the type's binary send representation; a -1 trailer.</remarks>
public sealed class BinaryCopyBuffer
{
    // "PGCOPY\n\377\r\n\0", then an int32 of flags and an int32 header-extension length, both zero.
    internal static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly DateOnly PostgresEpochDate = new(2000, 1, 1);
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1).Ticks;

    private byte[] _buffer;
    private int _length;

    public BinaryCopyBuffer(int capacity = 1 << 16)
    {
        _buffer = new byte[capacity];
        Reset();
    }

    /// <summary>Bytes the buffer can hold without growing.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Rows written since the last <see cref="Reset"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>The encoded COPY data, header and trailer included (valid after <see cref="Complete"/>).</summary>
    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(0, _length);

    /// <summary>The end of a COPY payload: a field count of -1.</summary>
    internal static ReadOnlySpan<byte> Trailer => [0xFF, 0xFF];

    /// <summary>Bytes written since the last reset.</summary>
    public int Length => _length;

    /// <summary>Starts over with no header: for rows that will be sent inside another payload.</summary>
    public void ClearRows()
    {
        _length = 0;
        Rows = 0;
    }

    /// <summary>Starts a new COPY payload: the header, no rows.</summary>
    public void Reset()
    {
        _length = 0;
        Rows = 0;
        Header.CopyTo(Reserve(Header.Length));
    }

    /// <summary>Appends the trailer; the payload is then ready to send.</summary>
    public void Complete() => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);

    public void StartRow(int fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), checked((short)fields));
        Rows++;
    }

    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    /// <summary>Text as UTF-8. U+0000, which PostgreSQL text cannot hold, is dropped.</summary>
    public void WriteText(string? text)
    {
        if (text is null)
        {
            WriteNull();
            return;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            text = text.Replace("\0", string.Empty, StringComparison.Ordinal);
        }

        var span = Reserve(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        _length -= span.Length - 4 - written;
    }

    public void WriteBoolean(bool value)
    {
        var span = Reserve(5);
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        span[4] = value ? (byte)1 : (byte)0;
    }

    public void WriteInt32(int value)
    {
        var span = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void WriteInt64(long value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void WriteDouble(double value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    /// <summary>date: days since 2000-01-01.</summary>
    public void WriteDate(DateOnly value) => WriteInt32Field(value.DayNumber - PostgresEpochDate.DayNumber);

    /// <summary>timestamp (without time zone): microseconds since 2000-01-01 00:00.</summary>
    public void WriteTimestamp(DateTime value) => WriteInt64((value.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        var span = Reserve(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
        value.CopyTo(span[4..]);
    }

    /// <summary>jsonb: a version byte (1), then the JSON text as UTF-8.</summary>
    public void WriteJsonb(ReadOnlySpan<byte> utf8Json)
    {
        var span = Reserve(5 + utf8Json.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, 1 + utf8Json.Length);
        span[4] = 1;
        utf8Json.CopyTo(span[5..]);
    }

    /// <summary>
    /// numeric: int16 ndigits, int16 weight, int16 sign, int16 dscale, then base-10000 digits, most significant first;
    /// value = Σ digit[i] × 10000^(weight − i). The decimal's own scale becomes the display scale ("1.50" stays 1.50).
    /// </summary>
    public void WriteNumeric(decimal value)
    {
        Span<char> text = stackalloc char[64];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        text = text[..length];
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var point = text.IndexOf('.');
        var integer = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];

        // Group the digits in fours around the decimal point.
        Span<short> groups = stackalloc short[16];
        var count = 0;
        var integerGroups = (integer.Length + 3) / 4;
        var firstWidth = integer.Length - ((integerGroups - 1) * 4);
        for (int g = 0, at = 0; g < integerGroups; g++)
        {
            var width = g == 0 ? firstWidth : 4;
            groups[count++] = short.Parse(integer.Slice(at, width), NumberStyles.None, CultureInfo.InvariantCulture);
            at += width;
        }

        for (var at = 0; at < fraction.Length; at += 4)
        {
            var width = Math.Min(4, fraction.Length - at);
            var digits = short.Parse(fraction.Slice(at, width), NumberStyles.None, CultureInfo.InvariantCulture);
            for (var pad = width; pad < 4; pad++)
            {
                digits *= 10;
            }

            groups[count++] = digits;
        }

        var weight = integerGroups - 1;
        var start = 0;
        while (start < count && groups[start] == 0)
        {
            start++;
            weight--;
        }

        var end = count;
        while (end > start && groups[end - 1] == 0)
        {
            end--;
        }

        var ndigits = end - start;
        if (ndigits == 0)
        {
            weight = 0;
            negative = false;
        }

        var span = Reserve(4 + 8 + (2 * ndigits));
        BinaryPrimitives.WriteInt32BigEndian(span, 8 + (2 * ndigits));
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)ndigits);
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)weight);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], negative ? (ushort)0x4000 : (ushort)0);
        BinaryPrimitives.WriteInt16BigEndian(span[10..], (short)fraction.Length);
        for (var i = 0; i < ndigits; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(12 + (2 * i))..], groups[start + i]);
        }
    }

    private void WriteInt32Field(int value) => WriteInt32(value);

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }

        var span = _buffer.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }
}
