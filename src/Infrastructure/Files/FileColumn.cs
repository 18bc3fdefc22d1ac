namespace Clinical.Infrastructure.Files;

/// <summary>A column of an exported table: its name and PostgreSQL type, as the table's description declares them.</summary>
public sealed record FileColumn(string Name, string SqlType)
{
    /// <summary>How the column goes into a Parquet file (and from there into DuckDB).</summary>
    public FileValueKind Kind => FileValueKinds.Of(SqlType);
}
