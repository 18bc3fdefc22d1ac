namespace Clinical.Infrastructure.Files;

/// <summary>The Parquet kind of each PostgreSQL type the native schema and the AACT layer use.</summary>
public static class FileValueKinds
{
    /// <summary>
    /// The kind of <paramref name="sqlType"/> as declared in DDL (<c>numeric(10,2)</c>, <c>character varying(255)</c> and
    /// <c>timestamp without time zone</c> included). A type the tables do not use is a bug in the description.
    /// </summary>
    public static FileValueKind Of(string sqlType)
    {
        ArgumentNullException.ThrowIfNull(sqlType);
        var type = sqlType.Trim().ToLowerInvariant();
        var bare = type.Split('(')[0].Trim();
        return bare switch
        {
            "text" or "character varying" or "varchar" or "character" or "char" or "jsonb" or "json" => FileValueKind.String,
            "boolean" or "bool" => FileValueKind.Boolean,
            "integer" or "int" or "int4" or "smallint" or "int2" => FileValueKind.Int32,
            "bigint" or "int8" => FileValueKind.Int64,
            "double precision" or "float8" or "real" or "float4" => FileValueKind.Double,
            "numeric" or "decimal" => FileValueKind.Decimal,
            "date" => FileValueKind.Date,
            "timestamp" or "timestamp without time zone" => FileValueKind.Timestamp,
            "bytea" => FileValueKind.Binary,
            _ => throw new ArgumentException($"No Parquet mapping for the PostgreSQL type '{sqlType}'.", nameof(sqlType)),
        };
    }

    /// <summary>The precision and scale a <c>numeric(p,s)</c> declares, or null for <c>numeric</c> without them.</summary>
    public static (int Precision, int Scale)? DeclaredDecimal(string sqlType)
    {
        ArgumentNullException.ThrowIfNull(sqlType);
        var open = sqlType.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var parts = sqlType[(open + 1)..sqlType.IndexOf(')', open)].Split(',');
        var precision = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var scale = parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (precision, scale);
    }
}
