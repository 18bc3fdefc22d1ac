using Clinical.Domain.Studies;
using Npgsql;
using NpgsqlTypes;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>What the data dictionary and the DDL know of a column.</summary>
/// <param name="Name">Column name.</param>
/// <param name="SqlType">PostgreSQL type as written in DDL.</param>
/// <param name="JsonPath">Path of the value relative to its table's row (null for keys and lineage).</param>
/// <param name="Note">How the value is derived from the JSON, when it is not the value itself.</param>
/// <param name="Derived">True for a column computed from the value (a parsed number, a date's first day); false for the column that holds the value as sent.</param>
public sealed record ColumnInfo(string Name, string SqlType, string? JsonPath, string? Note, bool Derived = false);

/// <summary>A column of a table whose rows are <typeparamref name="TRow"/>: its description and how to write its value.</summary>
internal abstract class Column<TRow>(ColumnInfo info)
{
    public ColumnInfo Info { get; } = info;

    public abstract void Write(NpgsqlBinaryImporter writer, TRow row);
}

internal sealed class TextColumn<TRow>(ColumnInfo info, Func<TRow, string?> value) : Column<TRow>(info)
{
    private readonly Func<TRow, string?> _value = value;

    public override void Write(NpgsqlBinaryImporter writer, TRow row) => WriteText(writer, _value(row));

    public static void WriteText(NpgsqlBinaryImporter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNull();
        }
        else
        {
            // PostgreSQL text cannot hold U+0000. The mapper already drops it from strings; this also covers the raw
            // text inside value objects (codes, dates, ages, result values).
            writer.Write(text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text, NpgsqlDbType.Text);
        }
    }
}

internal sealed class ValueColumn<TRow, TValue>(ColumnInfo info, NpgsqlDbType type, Func<TRow, TValue?> value) : Column<TRow>(info)
    where TValue : struct
{
    private readonly NpgsqlDbType _type = type;
    private readonly Func<TRow, TValue?> _value = value;

    public override void Write(NpgsqlBinaryImporter writer, TRow row)
    {
        if (_value(row) is { } value)
        {
            writer.Write(value, _type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}

/// <summary>The SQL types the description uses, with their Npgsql binary types.</summary>
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
