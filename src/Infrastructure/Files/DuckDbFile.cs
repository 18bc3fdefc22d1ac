using DuckDB.NET.Data;

namespace Clinical.Infrastructure.Files;

/// <summary>
/// A DuckDB database being built from Parquet files: each table is created from its file
/// (<c>CREATE TABLE … AS SELECT * FROM read_parquet(…)</c>, so DuckDB takes the columns' types from the file and keeps the
/// rows' order), in a schema named as in PostgreSQL. The AACT tables are also reachable unqualified, as on an AACT server
/// whose search_path holds ctgov: a view of each in schema main, DuckDB's default, which every client resolves without a
/// setting of its own (a search_path is per connection and is not stored in the file).
/// </summary>
internal sealed class DuckDbFile : IDisposable
{
    // DuckDB takes 80% of the machine's memory and a thread per core by default; the export keeps to a few hundred
    // megabytes: one thread (the tables are loaded one at a time, and the order kept needs no buffering across threads).
    private const string Settings = "SET memory_limit = '128MB'; SET threads = 1; SET allocator_flush_threshold = '8MB'; SET preserve_insertion_order = true;";

    private readonly DuckDBConnection _connection;

    private DuckDbFile(string path)
    {
        _connection = new DuckDBConnection($"Data Source={path}");
        _connection.Open();
        Execute(Settings);
    }

    public static DuckDbFile Create(string path) => new(path);

    /// <summary>Creates <paramref name="schema"/>.<paramref name="table"/> from the Parquet file at <paramref name="parquet"/>.</summary>
    public void Load(string schema, string table, string parquet) =>
        Execute($"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}; CREATE TABLE {Quote(schema)}.{Quote(table)} AS SELECT * FROM read_parquet({Literal(parquet)});");

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

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
