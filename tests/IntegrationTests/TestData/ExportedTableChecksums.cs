using Clinical.Infrastructure;
using Clinical.Infrastructure.Files;
using DuckDB.NET.Data;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// DuckDB over an export's files: each table's row count and a checksum of its values, computed the same way in
/// PostgreSQL and in DuckDB, so that an export can be compared with the database it came from, or with another export.
/// </summary>
internal static class ExportedTableChecksums
{
    public static string CsvSource(string path) =>
        $"read_csv('{path}', header = true, all_varchar = true, allow_quoted_nulls = false, delim = ',', quote = '\"', escape = '\"', auto_detect = true)";

    public static async Task<DuckDBConnection> OpenDuckDbAsync(string? file)
    {
        var connection = new DuckDBConnection(file is null ? "Data Source=:memory:" : $"Data Source={file}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>
    /// Each table of an export with its row count and checksum as DuckDB computes them over the exported files
    /// (<paramref name="format"/>: parquet, csv or duckdb): what two exports of the same rows share, whatever bytes their
    /// files hold (a Parquet file's metadata, a DuckDB file's layout).
    /// </summary>
    public static async Task<List<string>> ChecksumsAsync(string output, string format)
    {
        await using var duckdb = await OpenDuckDbAsync(format == "duckdb" ? output : null);
        var checksums = new List<string>();
        foreach (var table in FileTable.All(DatabaseSchema.Default))
        {
            var path = Path.Combine(output, table.Schema, table.Name);
            var source = format switch
            {
                "parquet" => $"read_parquet('{path}.parquet')",
                "csv" => CsvSource(path + ".csv"),
                _ => $"\"{table.Schema}\".\"{table.Name}\"",
            };
            var checksum = (await QueryAnswers.RowsAsync(duckdb, $"SELECT {Checksum(table, format != "csv", postgres: false)} FROM {source} t")).Single();
            checksums.Add($"{table.Qualified} {checksum}");
        }

        return checksums;
    }

    public static string Checksum(FileTable table, bool typed, bool postgres)
    {
        var row = string.Join(" || chr(31) || ", table.Columns.Select(c => $"coalesce({Render(c, typed, postgres)}, 'NULL~')"));
        return $"count(*) || ':' || coalesce(md5(string_agg({row}, chr(10) ORDER BY {row})), '')";
    }

    private static string Render(FileColumn column, bool typed, bool postgres)
    {
        var c = $"t.\"{column.Name}\"";
        if (!typed)
        {
            // CSV: the text PostgreSQL's COPY wrote, read back as text.
            return !postgres ? c : column.Kind == FileValueKind.Boolean ? $"CASE WHEN {c} THEN 't' WHEN NOT {c} THEN 'f' END" : $"CAST({c} AS text)";
        }

        return column.Kind switch
        {
            FileValueKind.Boolean => $"CASE WHEN {c} THEN 't' WHEN NOT {c} THEN 'f' END",
            FileValueKind.Decimal => $"CASE WHEN position('.' IN CAST({c} AS VARCHAR)) > 0 THEN rtrim(rtrim(CAST({c} AS VARCHAR), '0'), '.') ELSE CAST({c} AS VARCHAR) END",
            // A double's shortest text differs between the engines: compared to a millionth.
            FileValueKind.Double => $"CAST(CAST(round({c} * 1000000) AS BIGINT) AS VARCHAR)",
            FileValueKind.Binary => postgres ? $"encode({c}, 'hex')" : $"lower(hex({c}))",
            FileValueKind.String when postgres => $"CAST({c} AS text)",
            _ => $"CAST({c} AS VARCHAR)",
        };
    }
}
