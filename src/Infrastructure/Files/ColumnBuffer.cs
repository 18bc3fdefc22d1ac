using Npgsql;
using Parquet;
using Parquet.Schema;

namespace Clinical.Infrastructure.Files;

/// <summary>
/// One column's values for the row group being filled, read from PostgreSQL, written to Parquet. The array starts small
/// and doubles as rows come, and is kept for the table's next row group: a table of 100 rows holds 100 slots per column,
/// not a full group's (the studies table has 141 columns: full-sized arrays were a hundred megabytes per table).
/// </summary>
internal abstract class ColumnBuffer
{
    private const int InitialCapacity = 256;

    /// <summary>Reads the current row's value at <paramref name="ordinal"/> into slot <paramref name="row"/>; returns its approximate size in bytes.</summary>
    public abstract int Read(NpgsqlDataReader reader, int ordinal, int row);

    /// <summary>Writes the first <paramref name="count"/> values as the column of the row group, and forgets them.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken);

    public static ColumnBuffer For(FileValueKind kind, bool asText) => asText ? new StringBuffer() : kind switch
    {
        FileValueKind.String => new StringBuffer(),
        FileValueKind.Boolean => new ValueBuffer<bool>(1),
        FileValueKind.Int32 => new ValueBuffer<int>(4),
        FileValueKind.Int64 => new ValueBuffer<long>(8),
        FileValueKind.Double => new ValueBuffer<double>(8),
        FileValueKind.Decimal => new ValueBuffer<decimal>(16),
        FileValueKind.Date => new ValueBuffer<DateOnly>(4),
        FileValueKind.Timestamp => new ValueBuffer<DateTime>(8),
        FileValueKind.Binary => new BinaryBuffer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void Fit<T>(ref T[] values, int row)
    {
        if (row >= values.Length)
        {
            Array.Resize(ref values, Math.Max(InitialCapacity, values.Length * 2));
        }
    }

    private sealed class ValueBuffer<T>(int size) : ColumnBuffer
        where T : struct
    {
        private readonly int _size = size;
        private T?[] _values = [];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row)
        {
            Fit(ref _values, row);
            _values[row] = reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
            return _size;
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken) =>
            await writer.WriteAsync(field, new ReadOnlyMemory<T?>(_values, 0, count), null, null, cancellationToken);
    }

    private sealed class StringBuffer : ColumnBuffer
    {
        private string?[] _values = [];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row)
        {
            Fit(ref _values, row);
            var value = reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            _values[row] = value;
            return 16 + (2 * (value?.Length ?? 0));
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken)
        {
            await writer.WriteAsync(field, new ArraySegment<string>(_values!, 0, count), null);
            Array.Clear(_values, 0, count);
        }
    }

    private sealed class BinaryBuffer : ColumnBuffer
    {
        private byte[]?[] _values = [];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row)
        {
            Fit(ref _values, row);
            var value = reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
            _values[row] = value;
            return 16 + (value?.Length ?? 0);
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken)
        {
            await writer.WriteAsync(field, new ArraySegment<byte[]>(_values!, 0, count), null);
            Array.Clear(_values, 0, count);
        }
    }
}
