using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.Infrastructure.Persistence.Copy;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>What the data dictionary and the DDL know of a column.</summary>
/// <param name="Name">Column name.</param>
/// <param name="SqlType">PostgreSQL type as written in DDL.</param>
/// <param name="JsonPath">Path of the value relative to its table's row (null for keys and lineage).</param>
/// <param name="Note">How the value is derived from the JSON, when it is not the value itself.</param>
/// <param name="Derived">True for a column computed from the value (a parsed number, a date's first day); false for the column that holds the value as sent.</param>
/// <param name="Kind">What the JSON value is (drives the value rules and the sample generator).</param>
/// <param name="EnumType">For codes: the enum whose spellings the value takes.</param>
public sealed record ColumnInfo(string Name, string SqlType, string? JsonPath, string? Note, bool Derived = false, StudyValueKind Kind = StudyValueKind.Text, Type? EnumType = null);

/// <summary>A column of a table whose rows are <typeparamref name="TRow"/>: its description and how to write its value.</summary>
internal abstract class Column<TRow>(ColumnInfo info)
{
    public ColumnInfo Info { get; } = info;

    public abstract void Write(BinaryCopyBuffer buffer, TRow row);
}

internal sealed class TextColumn<TRow>(ColumnInfo info, Func<TRow, string?> value) : Column<TRow>(info)
{
    private readonly Func<TRow, string?> _value = value;

    public override void Write(BinaryCopyBuffer buffer, TRow row) => buffer.WriteText(_value(row));
}

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

/// <summary>The SQL types the description uses.</summary>
internal static class SqlTypes
{
    public const string Text = "text";
    public const string Boolean = "boolean";
    public const string Integer = "integer";
    public const string BigInt = "bigint";
    public const string Double = "double precision";
    public const string Numeric = "numeric";
    public const string Date = "date";
    public const string Timestamp = "timestamp";
    public const string Bytea = "bytea";

    public static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.Year => "year",
        DatePrecision.Month => "month",
        DatePrecision.Day => "day",
        _ => "unparsed",
    };

    public static string UnitName(TimeUnit unit) => unit switch
    {
        TimeUnit.Year => "year",
        TimeUnit.Month => "month",
        TimeUnit.Week => "week",
        TimeUnit.Day => "day",
        TimeUnit.Hour => "hour",
        _ => "minute",
    };
}
