using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>A column that holds a JSON value as sent: where it goes below its row's element, and how to read it back.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Path">Property names below the row's element (empty: the element is the value itself).</param>
/// <param name="SqlType">The column's type (<see cref="SqlTypes"/>), which says what JSON value it gives back.</param>
internal sealed record ExportColumn(string Name, string[] Path, string SqlType)
{
    public static ExportColumn From(ColumnInfo column) =>
        new(column.Name, column.JsonPath!.Length == 0 ? [] : column.JsonPath.Split('.'), column.SqlType);
}
