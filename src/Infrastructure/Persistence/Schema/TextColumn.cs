using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

internal sealed class TextColumn<TRow>(ColumnInfo info, Func<TRow, string?> value) : Column<TRow>(info)
{
    private readonly Func<TRow, string?> _value = value;

    public override void Write(BinaryCopyBuffer buffer, TRow row) => buffer.WriteText(_value(row));
}
