using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>A column of a table whose rows are <typeparamref name="TRow"/>: its description and how to write its value.</summary>
internal abstract class Column<TRow>(ColumnInfo info)
{
    public ColumnInfo Info { get; } = info;

    public abstract void Write(BinaryCopyBuffer buffer, TRow row);
}
