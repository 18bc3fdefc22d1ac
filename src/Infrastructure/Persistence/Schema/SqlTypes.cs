using Clinical.Domain.Studies;

namespace Clinical.Infrastructure.Persistence.Schema;

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
    public const string Jsonb = "jsonb";

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
