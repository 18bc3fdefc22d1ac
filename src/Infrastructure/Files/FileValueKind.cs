namespace Clinical.Infrastructure.Files;

/// <summary>What a column's values are in a Parquet file.</summary>
public enum FileValueKind
{
    /// <summary>UTF-8 string: text, character varying, and jsonb (its text).</summary>
    String,
    Boolean,
    Int32,
    Int64,
    Double,

    /// <summary>Decimal with a fixed precision and scale (PostgreSQL numeric; see <see cref="DecimalShape"/>).</summary>
    Decimal,

    /// <summary>A date (Parquet DATE, days since 1970-01-01).</summary>
    Date,

    /// <summary>A timestamp without time zone (Parquet TIMESTAMP, microseconds, not adjusted to UTC).</summary>
    Timestamp,

    /// <summary>Bytes (bytea).</summary>
    Binary,
}
