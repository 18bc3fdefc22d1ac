using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

internal sealed class ValueColumn<TRow, TValue>(ColumnInfo info, Func<TRow, TValue?> value, Action<BinaryCopyBuffer, TValue> write) : Column<TRow>(info)
    where TValue : struct
{
    private readonly Func<TRow, TValue?> _value = value;
    private readonly Action<BinaryCopyBuffer, TValue> _write = write;

    public override void Write(BinaryCopyBuffer buffer, TRow row)
    {
        if (_value(row) is { } value)
        {
            _write(buffer, value);
        }
        else
        {
            buffer.WriteNull();
        }
    }
}
