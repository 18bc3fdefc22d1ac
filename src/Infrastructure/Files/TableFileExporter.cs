using System.Data;
using System.Diagnostics;
using System.IO.Compression;
using Clinical.Application.Common.Output;
using Clinical.Application.Studies.Export;
using Clinical.Infrastructure.Persistence;
using Clinical.Infrastructure.Persistence.Aact;
using Clinical.Infrastructure.Persistence.Export;
using DuckDB.NET.Data;
using Npgsql;

namespace Clinical.Infrastructure.Files;

/// <summary>
/// <c>clinical export --format parquet|csv|duckdb</c>: every study table of the native schema and AACT's 46 tables, each
/// filtered to the selected studies and ordered by its key, read in one read-only snapshot. CSV is PostgreSQL's own
/// (<c>COPY (SELECT …) TO STDOUT (FORMAT csv, HEADER)</c>, streamed to the file); Parquet is written by
/// <see cref="ParquetTableWriter"/>; DuckDB's tables are created with the same types and filled through its appender
/// (<see cref="DuckDbFile"/>). Every file
/// goes through the output port: a temporary name, renamed when complete.
/// </summary>
public sealed class TableFileExporter(NpgsqlDataSource dataSource, DatabaseSchema schema, IOutputFiles outputs) : IStudyTableExporter
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly NpgsqlDataSource _dataSource = dataSource;
    private readonly DatabaseSchema _schema = schema;
    private readonly IOutputFiles _outputs = outputs;

    public async Task<ExportedTables> ExportAsync(ExportSelection selection, ExportFormat format, string output, bool gzip, ITableExportProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(progress);
        if (selection.Where is { } where && SqlPredicate.Problem(where) is { } problem)
        {
            throw new ExportSelectionException($"--where: {problem}");
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync($"SET TRANSACTION READ ONLY; SET LOCAL search_path = {_schema.Identifier}, public", cancellationToken, transaction);

        // The selection runs once as the JSON export runs it, so that an error in the condition is one line, before any file.
        await new ExportSelectionQuery(selection, 1, _schema).NextPageAsync(connection, transaction, string.Empty, cancellationToken);
        var tables = await PresentAsync(connection, transaction, cancellationToken);
        var context = new Context(connection, transaction, TableSelectionSql.Condition(selection, _schema), progress);
        return format switch
        {
            ExportFormat.Csv => await WriteFilesAsync(context, tables, output, gzip ? ".csv.gz" : ".csv", (table, stream) => CopyCsvAsync(context, table, stream, gzip, cancellationToken), cancellationToken),
            ExportFormat.Parquet => await WriteFilesAsync(context, tables, output, ".parquet", (table, stream) => WriteParquetAsync(context, table, stream, cancellationToken), cancellationToken),
            ExportFormat.DuckDb => await WriteDuckDbAsync(context, tables, output, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a table format"),
        };
    }

    /// <summary>The SELECT of <paramref name="table"/>'s rows of the selected studies, in key order; <paramref name="asText"/> columns as their text.</summary>
    internal static string Select(FileTable table, string condition, Func<int, bool> asText)
    {
        var columns = table.Columns.Select((c, i) => asText(i) ? $"t.{DatabaseSchema.QuoteIdentifier(c.Name)}::text AS {DatabaseSchema.QuoteIdentifier(c.Name)}" : $"t.{DatabaseSchema.QuoteIdentifier(c.Name)}");
        return $"SELECT {string.Join(", ", columns)} FROM {table.Qualified} t WHERE {condition} ORDER BY {string.Join(", ", table.OrderBy.Select(c => "t." + DatabaseSchema.QuoteIdentifier(c)))}";
    }

    // The native tables, and the AACT layer's when it is in place (a database whose ctgov belongs to someone else has none).
    private async Task<List<FileTable>> PresentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AactLayerSql.SchemaComment, connection, transaction);
        var aact = AactLayerSql.IsOurStamp(await command.ExecuteScalarAsync(cancellationToken) as string);
        return [.. FileTable.All(_schema).Where(t => aact || t.Schema != AactLayerSql.SchemaName)];
    }

    private async Task<ExportedTables> WriteFilesAsync(Context context, List<FileTable> tables, string folder, string extension, Func<FileTable, Stream, Task<long>> write, CancellationToken cancellationToken)
    {
        long rows = 0;
        long bytes = 0;
        foreach (var table in tables)
        {
            var started = Stopwatch.GetTimestamp();
            var path = Path.Combine(folder, table.Schema, table.Name + extension);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = _outputs.Open(path);
            var tableRows = await write(table, file.Stream);
            var tableBytes = await file.CommitAsync(cancellationToken) ?? 0;
            context.Progress.TableExported(new ExportedTable(table.Schema, table.Name, tableRows, tableBytes, Stopwatch.GetElapsedTime(started)));
            rows += tableRows;
            bytes += tableBytes;
        }

        return new ExportedTables(tables.Count, rows, bytes);
    }

    private async Task<ExportedTables> WriteDuckDbAsync(Context context, List<FileTable> tables, string output, CancellationToken cancellationToken)
    {
        await using var target = _outputs.OpenPath(output);
        long rows = 0;
        try
        {
            using var database = DuckDbFile.Create(target.Path);
            foreach (var table in tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var size = DatabaseBytes(target.Path);
                var shapes = await ShapesAsync(context, table, cancellationToken);
                var tableRows = await database.WriteAsync(table, shapes, context.Connection, context.Transaction, TypedSelect(context, table, shapes), cancellationToken);
                context.Progress.TableExported(new ExportedTable(table.Schema, table.Name, tableRows, Math.Max(0, DatabaseBytes(target.Path) - size), Stopwatch.GetElapsedTime(started)));
                rows += tableRows;
            }

            database.ViewInMain(AactLayerSql.SchemaName, tables.Where(t => t.Schema == AactLayerSql.SchemaName).Select(t => t.Name));
            database.Checkpoint();
        }
        catch (DuckDBException ex)
        {
            // Out of memory, a full disk, a file DuckDB cannot open: the user's to act on, in one line; no half file is left.
            throw new IOException($"DuckDB could not write {output}: {ex.Message.Split('\n')[0]}", ex);
        }

        var bytes = await target.CommitAsync(cancellationToken);
        return new ExportedTables(tables.Count, rows, bytes);
    }

    // What a table added to the DuckDB file as the progress line's size: the file and its write-ahead log, which DuckDB
    // folds into the file now and then (a table that triggers it can show less than it wrote).
    private static long DatabaseBytes(string path)
    {
        var file = new FileInfo(path);
        var wal = new FileInfo(path + ".wal");
        return (file.Exists ? file.Length : 0) + (wal.Exists ? wal.Length : 0);
    }

    private static async Task<long> CopyCsvAsync(Context context, FileTable table, Stream output, bool gzip, CancellationToken cancellationToken)
    {
        var sql = $"COPY ({Select(table, context.Condition, _ => false)}) TO STDOUT (FORMAT csv, HEADER)";
        var counter = new CsvRowCounter();
        var target = gzip ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : output;
        try
        {
            // Npgsql gives a text COPY as characters (its raw stream is for binary COPY only): re-encoded as UTF-8, the
            // server's bytes again; the writer's encoder keeps a surrogate pair split between two reads whole.
            using var copy = await context.Connection.BeginTextExportAsync(sql, cancellationToken);
            await using var writer = new StreamWriter(target, Utf8, 1 << 16, leaveOpen: true);
            var buffer = new char[1 << 15];
            int read;
            while ((read = await copy.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                counter.Add(buffer.AsSpan(0, read));
                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            if (gzip)
            {
                await target.DisposeAsync();
            }
        }

        return Math.Max(0, counter.Lines - 1);
    }

    private static async Task<long> WriteParquetAsync(Context context, FileTable table, Stream output, CancellationToken cancellationToken)
    {
        var shapes = await ShapesAsync(context, table, cancellationToken);
        return await ParquetTableWriter.WriteAsync(context.Connection, context.Transaction, TypedSelect(context, table, shapes), table.Columns, shapes, output, cancellationToken);
    }

    /// <summary>The SELECT of a typed format (Parquet, DuckDB): jsonb and a numeric too wide for a decimal as their text.</summary>
    private static string TypedSelect(Context context, FileTable table, DecimalShape?[] shapes) =>
        Select(table, context.Condition, i => table.Columns[i].SqlType.StartsWith("json", StringComparison.Ordinal) || shapes[i]?.AsText == true);

    /// <summary>
    /// How each numeric column is written (<see cref="DecimalShape"/>): a declared numeric(p,s) as declared; an undeclared
    /// one by the largest scale and integer digits among the exported rows, read in the same snapshot.
    /// </summary>
    private static async Task<DecimalShape?[]> ShapesAsync(Context context, FileTable table, CancellationToken cancellationToken)
    {
        var shapes = new DecimalShape?[table.Columns.Count];
        var undeclared = new List<int>();
        for (var i = 0; i < shapes.Length; i++)
        {
            if (table.Columns[i].Kind != FileValueKind.Decimal)
            {
                continue;
            }

            if (FileValueKinds.DeclaredDecimal(table.Columns[i].SqlType) is { } declared)
            {
                shapes[i] = DecimalShape.Declared(declared.Precision, declared.Scale);
            }
            else
            {
                undeclared.Add(i);
            }
        }

        if (undeclared.Count == 0)
        {
            return shapes;
        }

        var aggregates = undeclared.Select(i => DatabaseSchema.QuoteIdentifier(table.Columns[i].Name))
            .Select(c => $"coalesce(max(scale(t.{c})), 0), coalesce(max(length(trunc(abs(t.{c}))::text)), 1)");
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", aggregates)} FROM {table.Qualified} t WHERE {context.Condition}", context.Connection, context.Transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        for (var k = 0; k < undeclared.Count; k++)
        {
            shapes[undeclared[k]] = DecimalShape.Undeclared(reader.GetInt32((2 * k) + 1), reader.GetInt32(2 * k));
        }

        return shapes;
    }

    private sealed record Context(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string Condition, ITableExportProgress Progress);
}
