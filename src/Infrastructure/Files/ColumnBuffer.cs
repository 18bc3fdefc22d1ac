using Npgsql;
using Parquet;
using Parquet.Schema;

namespace Clinical.Infrastructure.Files;

/// <summary>One column's values for the row group being filled, read from PostgreSQL, written to Parquet.</summary>
internal abstract class ColumnBuffer
{
    /// <summary>Reads the current row's value at <paramref name="ordinal"/> into slot <paramref name="row"/>; returns its approximate size in bytes.</summary>
    public abstract int Read(NpgsqlDataReader reader, int ordinal, int row);

    /// <summary>Writes the first <paramref name="count"/> values as the column of the row group, and forgets them.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken);

    public static ColumnBuffer For(FileValueKind kind, bool asText, int capacity) => asText ? new StringBuffer(capacity) : kind switch
    {
        FileValueKind.String => new StringBuffer(capacity),
        FileValueKind.Boolean => new ValueBuffer<bool>(capacity, static (r, i) => r.GetBoolean(i), 1),
        FileValueKind.Int32 => new ValueBuffer<int>(capacity, static (r, i) => r.GetInt32(i), 4),
        FileValueKind.Int64 => new ValueBuffer<long>(capacity, static (r, i) => r.GetInt64(i), 8),
        FileValueKind.Double => new ValueBuffer<double>(capacity, static (r, i) => r.GetDouble(i), 8),
        FileValueKind.Decimal => new ValueBuffer<decimal>(capacity, static (r, i) => r.GetDecimal(i), 16),
        FileValueKind.Date => new ValueBuffer<DateOnly>(capacity, static (r, i) => r.GetFieldValue<DateOnly>(i), 4),
        FileValueKind.Timestamp => new ValueBuffer<DateTime>(capacity, static (r, i) => r.GetDateTime(i), 8),
        FileValueKind.Binary => new BinaryBuffer(capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed class ValueBuffer<T>(int capacity, Func<NpgsqlDataReader, int, T> read, int size) : ColumnBuffer
        where T : struct
    {
        private readonly T?[] _values = new T?[capacity];
        private readonly Func<NpgsqlDataReader, int, T> _read = read;
        private readonly int _size = size;

        public override int Read(NpgsqlDataReader reader, int ordinal, int row)
        {
            _values[row] = reader.IsDBNull(ordinal) ? null : _read(reader, ordinal);
            return _size;
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, DataField field, int count, CancellationToken cancellationToken) =>
            await writer.WriteAsync(field, new ReadOnlyMemory<T?>(_values, 0, count), null, null, cancellationToken);
    }

    private sealed class StringBuffer(int capacity) : ColumnBuffer
    {
        private readonly string?[] _values = new string?[capacity];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row)
        {
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

    private sealed class BinaryBuffer(int capacity) : ColumnBuffer
    {
        private readonly byte[]?[] _values = new byte[]?[capacity];

        public override int Read(NpgsqlDataReader reader, int ordinal, int row)
        {
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
