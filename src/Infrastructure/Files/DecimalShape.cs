namespace Clinical.Infrastructure.Files;

/// <summary>
/// How a PostgreSQL numeric column is written to Parquet. A declared <c>numeric(p,s)</c> is a Parquet decimal(p,s).
/// A <c>numeric</c> without a declared scale (every numeric of the native schema and the AACT layer: a value keeps the
/// scale it was sent with) has no one Parquet type: it becomes decimal(38, S), S the largest scale among the exported
/// rows of that column, so every value is exact (1.5 next to 1.25 reads as 1.50; the spelling as sent is in the CSV).
/// When the integer digits and S together need more than .NET's decimal holds (28 digits), the column is written as its
/// text instead.
/// </summary>
/// <param name="Precision">Parquet precision.</param>
/// <param name="Scale">Parquet scale.</param>
/// <param name="AsText">True when the values are written as their text (too wide for a decimal).</param>
public sealed record DecimalShape(int Precision, int Scale, bool AsText)
{
    /// <summary>The widest a decimal column can be and still be read into .NET's decimal.</summary>
    public const int MaxDigits = 28;

    /// <summary>The precision every undeclared numeric gets (DuckDB's and Parquet's widest decimal).</summary>
    public const int UndeclaredPrecision = 38;

    /// <summary>The shape of an undeclared numeric whose exported values have at most <paramref name="integerDigits"/> integer digits and <paramref name="scale"/> fraction digits.</summary>
    public static DecimalShape Undeclared(int integerDigits, int scale) =>
        integerDigits + scale > MaxDigits ? new DecimalShape(0, 0, AsText: true) : new DecimalShape(UndeclaredPrecision, scale, AsText: false);

    /// <summary>The shape of a declared <c>numeric(p,s)</c>.</summary>
    public static DecimalShape Declared(int precision, int scale) =>
        precision > MaxDigits ? new DecimalShape(0, 0, AsText: true) : new DecimalShape(precision, scale, AsText: false);
}
