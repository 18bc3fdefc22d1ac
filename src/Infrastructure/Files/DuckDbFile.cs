using System.Data;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;

namespace Clinical.Infrastructure.Files;

/// <summary>
/// A DuckDB database being built table by table: each table is created with the DuckDB types of its columns
/// (<see cref="ColumnType"/>) in a schema named as in PostgreSQL, and its rows, read from PostgreSQL in key order, go in
/// through DuckDB's appender, which keeps their order. The AACT tables are also reachable unqualified, as on an AACT
/// server whose search_path holds ctgov: a view of each in schema main, DuckDB's default, which every client resolves
/// without a setting of its own (a search_path is per connection and is not stored in the file).
/// </summary>
internal sealed class DuckDbFile : IDisposable
{
    // DuckDB takes 80% of the machine's memory and a thread per core by default; the export keeps to a few hundred
    // megabytes: one thread (the tables are written one at a time, and the order kept needs no buffering across threads).
    private const string Settings = "SET memory_limit = '128MB'; SET threads = 1; SET allocator_flush_threshold = '8MB'; SET preserve_insertion_order = true;";

    // The appender holds its rows outside DuckDB's memory limit until it is flushed (on its own, every 204,800 rows): it
    // is flushed, as a Parquet row group is closed, at 16,384 rows or about 8 MB of values, whichever comes first.
    private const int FlushRows = 16_384;
    private const long FlushBytes = 8L << 20;

    private readonly DuckDBConnection _connection;

    private DuckDbFile(string path)
    {
        _connection = new DuckDBConnection($"Data Source={path}");
        _connection.Open();
        Execute(Settings);
    }

    public static DuckDbFile Create(string path) => new(path);

    /// <summary>The DuckDB type <paramref name="column"/> is written as, <paramref name="shape"/> when it is a numeric (the Parquet file's type, <see cref="ParquetTableWriter.Field"/>).</summary>
    public static string ColumnType(FileColumn column, DecimalShape? shape)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            FileValueKind.Decimal when shape is { AsText: false } => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({shape.Precision}, {shape.Scale})"),
            FileValueKind.Decimal or FileValueKind.String => "VARCHAR",
            FileValueKind.Boolean => "BOOLEAN",
            FileValueKind.Int32 => "INTEGER",
            FileValueKind.Int64 => "BIGINT",
            FileValueKind.Double => "DOUBLE",
            FileValueKind.Date => "DATE",
            FileValueKind.Timestamp => "TIMESTAMP",
            FileValueKind.Binary => "BLOB",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, null),
        };
    }

    /// <summary>
    /// Creates <paramref name="table"/> (its columns as <paramref name="shapes"/> say) and appends the rows of
    /// <paramref name="select"/> (the table's columns in order, a too-wide numeric as its text); returns the rows.
    /// </summary>
    public async Task<long> WriteAsync(
        FileTable table,
        IReadOnlyList<DecimalShape?> shapes,
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string select,
        CancellationToken cancellationToken)
    {
        var columns = table.Columns.Select((c, i) => $"{Quote(c.Name)} {ColumnType(c, shapes[i])}");
        Execute($"CREATE SCHEMA IF NOT EXISTS {Quote(table.Schema)}; CREATE TABLE {Quote(table.Schema)}.{Quote(table.Name)} ({string.Join(", ", columns)});");
        var kinds = table.Columns.Select((c, i) => shapes[i]?.AsText == true ? FileValueKind.String : c.Kind).ToArray();

        await using var command = new NpgsqlCommand(select, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        // One transaction per table, as CREATE TABLE … AS was: the flushes below go into it, DuckDB writes each full row
        // group straight to the file, and no automatic checkpoint comes in the middle of a table (without it one did, in
        // registry.studies, and could not pin that table's blocks under the memory limit).
        using var duckTransaction = _connection.BeginTransaction();
        var appender = _connection.CreateAppender(table.Schema, table.Name);
        try
        {
            long rows = 0;
            var pending = 0;
            long bytes = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                bytes += AppendRow(appender.CreateRow(), reader, kinds);
                rows++;
                if (++pending == FlushRows || bytes >= FlushBytes)
                {
                    // Closing flushes: the rows go into the table's transaction, under DuckDB's memory limit.
                    appender.Close();
                    appender.Dispose();
                    appender = _connection.CreateAppender(table.Schema, table.Name);
                    pending = 0;
                    bytes = 0;
                }
            }

            appender.Close();
            duckTransaction.Commit();

            // Written to the file, the table's blocks can leave memory before the next table's come.
            Execute("CHECKPOINT;");
            return rows;
        }
        finally
        {
            appender.Dispose();
        }
    }

    // Appends the reader's current row; returns its approximate size in bytes.
    private static int AppendRow(IDuckDBAppenderRow row, NpgsqlDataReader reader, FileValueKind[] kinds)
    {
        var bytes = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (reader.IsDBNull(i))
            {
                row.AppendNullValue();
                continue;
            }

            switch (kinds[i])
            {
                case FileValueKind.String:
                    var text = reader.GetString(i);
                    bytes += text.Length;
                    row.AppendValue(text);
                    break;
                case FileValueKind.Boolean:
                    row.AppendValue(reader.GetBoolean(i));
                    break;
                case FileValueKind.Int32:
                    row.AppendValue(reader.GetFieldValue<int>(i));
                    break;
                case FileValueKind.Int64:
                    row.AppendValue(reader.GetInt64(i));
                    break;
                case FileValueKind.Double:
                    row.AppendValue(reader.GetDouble(i));
                    break;
                case FileValueKind.Decimal:
                    row.AppendValue(reader.GetDecimal(i));
                    break;
                case FileValueKind.Date:
                    row.AppendValue(reader.GetFieldValue<DateOnly>(i));
                    break;
                case FileValueKind.Timestamp:
                    row.AppendValue(reader.GetDateTime(i));
                    break;
                case FileValueKind.Binary:
                    var blob = reader.GetFieldValue<byte[]>(i);
                    bytes += 16 + blob.Length;
                    row.AppendValue(blob);
                    break;
                default:
                    throw new InvalidOperationException($"No DuckDB mapping for {kinds[i]}.");
            }
        }

        row.EndRow();
        return bytes + (16 * kinds.Length);
    }

    /// <summary>A view in schema main of each of <paramref name="tables"/> of <paramref name="schema"/>, under the table's own name.</summary>
    public void ViewInMain(string schema, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            Execute($"CREATE VIEW main.{Quote(table)} AS SELECT * FROM {Quote(schema)}.{Quote(table)};");
        }
    }

    /// <summary>Writes everything into the database file (no write-ahead log left beside it).</summary>
    public void Checkpoint() => Execute("CHECKPOINT;");

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // DuckDB quotes identifiers as PostgreSQL does.
    private static string Quote(string name) => DatabaseSchema.QuoteIdentifier(name);
}
