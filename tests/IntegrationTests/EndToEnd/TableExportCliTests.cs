using System.Text.Json.Nodes;
using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.Infrastructure.Files;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Parquet;
using Parquet.Schema;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// <c>clinical export --format parquet|csv|duckdb</c> over the 200 real studies and a made-up one with the awkward values
/// (line breaks, quotes, |, an emoji, a number with a trailing zero, a partial date, '' beside NULL): every table's file
/// read back by DuckDB and by Parquet.Net or an RFC 4180 reader has PostgreSQL's rows, by count and by checksum.
/// </summary>
public sealed class TableExportCliTests(TableExportCliTests.Exports exports) : IClassFixture<TableExportCliTests.Exports>
{
    public const string AwkwardNctId = "NCT09900001";
    public const string AwkwardTitle = "Line one\r\nline two \"quoted\" | piped, 🧪 end";

    private readonly Exports _exports = exports;

    [Fact]
    public async Task Parquet_EveryTableReadByDuckDb_HasPostgresRowsAndValues()
    {
        var folder = await _exports.FolderAsync("parquet");

        var differences = await CompareAsync(folder, (table, path) => $"read_parquet('{path}.parquet')", typed: true);

        differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task Csv_EveryTableReadByDuckDb_HasPostgresRowsAndTheirExactText()
    {
        var folder = await _exports.FolderAsync("csv");

        var differences = await CompareAsync(folder, (table, path) => ExportedTableChecksums.CsvSource(path + ".csv"), typed: false);

        differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task CsvGzip_EveryTableReadByDuckDb_HasPostgresRows()
    {
        var folder = await _exports.FolderAsync("csv", "--gzip");

        var differences = await CompareAsync(folder, (table, path) => ExportedTableChecksums.CsvSource(path + ".csv.gz"), typed: false);

        differences.ShouldBeEmpty();
        Directory.GetFiles(folder, "*.csv", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task DuckDbFile_EveryTable_HasPostgresRowsAndValues_AndAactTablesResolveUnqualified()
    {
        var file = await _exports.FileAsync();

        var differences = await CompareAsync(file, (table, _) => $"\"{table.Schema}\".\"{table.Name}\"", typed: true, database: file);

        differences.ShouldBeEmpty();
        await using var duckdb = await ExportedTableChecksums.OpenDuckDbAsync(file);
        (await QueryAnswers.RowsAsync(duckdb, "SELECT count(*) FROM studies")).ShouldBe([(await _exports.CountAsync("ctgov.studies")).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        (await QueryAnswers.RowsAsync(duckdb, "SELECT count(*) FROM registry.studies")).ShouldBe(["201"]);
    }

    [Fact]
    public async Task Parquet_ReadByParquetNet_HasEveryTablesColumnsAndRowCount()
    {
        var folder = await _exports.FolderAsync("parquet");
        var tables = FileTable.All(DatabaseSchema.Default);

        foreach (var table in tables)
        {
            await using var reader = await ParquetReader.CreateAsync(Path.Combine(folder, table.Schema, table.Name + ".parquet"), cancellationToken: TestContext.Current.CancellationToken);
            reader.Schema.GetDataFields().Select(f => f.Name).ShouldBe(table.Columns.Select(c => c.Name), table.Qualified);
            var rows = 0L;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows += group.RowCount;
            }

            rows.ShouldBe(await _exports.CountAsync(table.Qualified), table.Qualified);
        }

        tables.Count(t => t.Schema == "ctgov").ShouldBe(46);
    }

    [Fact]
    public async Task Csv_ReadByAnRfc4180Reader_HasEveryTablesHeaderAndRowCount()
    {
        var folder = await _exports.FolderAsync("csv");

        foreach (var table in FileTable.All(DatabaseSchema.Default))
        {
            var records = Rfc4180.Parse(await File.ReadAllTextAsync(Path.Combine(folder, table.Schema, table.Name + ".csv"), TestContext.Current.CancellationToken));
            records[0].ShouldBe(table.Columns.Select(c => c.Name).ToArray(), table.Qualified);
            (records.Count - 1L).ShouldBe(await _exports.CountAsync(table.Qualified), table.Qualified);
            records.ShouldAllBe(r => r.Length == table.Columns.Count);
        }
    }

    [Fact]
    public async Task AwkwardValues_SurviveInParquetAsReadByParquetNet()
    {
        var folder = await _exports.FolderAsync("parquet");

        var studies = await ReadParquetAsync(Path.Combine(folder, "registry", "studies.parquet"), "nct_id", "brief_title", "acronym", "official_title", "start_date_raw", "start_date");
        var locations = await ReadParquetAsync(Path.Combine(folder, "registry", "locations.parquet"), "nct_id", "latitude", "longitude");

        var study = studies.Single(r => (string?)r[0] == AwkwardNctId);
        study[1].ShouldBe(AwkwardTitle);
        study[2].ShouldBe(string.Empty);
        study[3].ShouldBeNull();
        study[4].ShouldBe("2024-03");
        study[5].ShouldBe(new DateOnly(2024, 3, 1));
        var location = locations.Single(r => (string?)r[0] == AwkwardNctId);
        ((decimal)location[1]!).ShouldBe(1.50m);
        ((decimal)location[2]!).ShouldBe(-0.10m);
    }

    [Fact]
    public async Task AwkwardValues_SurviveInCsvByTheirExactText_NullApartFromEmpty()
    {
        var folder = await _exports.FolderAsync("csv");

        var studies = Rfc4180.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "registry", "studies.csv"), TestContext.Current.CancellationToken));
        var locations = Rfc4180.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "registry", "locations.csv"), TestContext.Current.CancellationToken));

        var study = Row(studies, AwkwardNctId);
        study["brief_title"].ShouldBe(AwkwardTitle);
        study["acronym"].ShouldBe(string.Empty);
        study["official_title"].ShouldBeNull();
        study["start_date_raw"].ShouldBe("2024-03");
        study["start_date"].ShouldBe("2024-03-01");
        var location = Row(locations, AwkwardNctId);
        (location["latitude"], location["longitude"]).ShouldBe(("1.50", "-0.10"));
    }

    [Fact]
    public async Task AwkwardValues_SurviveInTheDuckDbFile()
    {
        var file = await _exports.FileAsync();
        await using var duckdb = await ExportedTableChecksums.OpenDuckDbAsync(file);

        var rows = await QueryAnswers.RowsAsync(duckdb, $"""
            SELECT brief_title = '{AwkwardTitle.Replace("'", "''", StringComparison.Ordinal)}', acronym = '', official_title IS NULL, start_date_raw, start_date,
                   CAST(l.latitude AS DOUBLE), length(brief_title)
              FROM registry.studies s JOIN registry.locations l USING (nct_id) WHERE nct_id = '{AwkwardNctId}'
            """);

        rows.ShouldBe([$"true | true | true | 2024-03 | 2024-03-01 | 1.5 | {AwkwardTitle.EnumerateRunes().Count()}"]);
    }

    [Fact]
    public async Task Nct_FiltersEveryTableToThatStudy()
    {
        var folder = await _exports.FolderAsync("parquet", "--nct", AwkwardNctId, "--include-deleted");
        await using var duckdb = await ExportedTableChecksums.OpenDuckDbAsync(null);

        foreach (var table in FileTable.All(DatabaseSchema.Default))
        {
            var ids = await QueryAnswers.RowsAsync(duckdb, $"SELECT DISTINCT nct_id FROM read_parquet('{Path.Combine(folder, table.Schema, table.Name)}.parquet')");
            ids.ShouldBeSubsetOf([AwkwardNctId], table.Qualified);
        }
    }

    [Fact]
    public async Task Where_FiltersEveryTableToTheStudiesItSelects()
    {
        var folder = await _exports.FolderAsync("csv", "--where", "s.enrollment > 100");
        var expected = await _exports.StringsAsync($"SELECT nct_id FROM {DatabaseSchema.Default.Qualified("studies")} WHERE enrollment > 100 ORDER BY nct_id");
        await using var duckdb = await ExportedTableChecksums.OpenDuckDbAsync(null);

        var studies = await QueryAnswers.RowsAsync(duckdb, $"SELECT nct_id FROM {ExportedTableChecksums.CsvSource(Path.Combine(folder, "ctgov", "studies.csv"))} ORDER BY nct_id");
        var conditions = await QueryAnswers.RowsAsync(duckdb, $"SELECT DISTINCT nct_id FROM {ExportedTableChecksums.CsvSource(Path.Combine(folder, "registry", "conditions.csv"))}");

        studies.ShouldBe(expected);
        conditions.ShouldBeSubsetOf(expected);
        conditions.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("error: --format parquet writes a folder of files: name it with --output DIR (standard output cannot hold it).", "--format", "parquet")]
    [InlineData("error: --format duckdb writes a database file: name it with --output FILE.duckdb (standard output cannot hold it).", "--format", "duckdb", "-")]
    [InlineData("error: --gzip applies to --format csv only.", "--format", "parquet", "--gzip", "--output", "/tmp")]
    [InlineData("error: --as-of applies to the JSON formats only: --format csv writes the tables as stored now (the history keeps studies' JSON, not their rows).", "--format", "csv", "--as-of", "2025-01-01", "-o", "/tmp")]
    [InlineData("--ndjson is --format ndjson: give one of them, not --ndjson with --format csv.", "--format", "csv", "--ndjson", "-o", "/tmp")]
    [InlineData("error: --output /tmp/ctgov.duckdb: DuckDB names the database after its file, so 'ctgov' would be both the database and a schema", "--format", "duckdb", "-o", "/tmp/ctgov.duckdb")]
    public async Task Export_TableFormatArgumentsThatCannotWork_ExitTwoWithOneLine(string expected, params string[] args)
    {
        var (exitCode, _, error) = await _exports.RunAsync(["export", .. args]);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain(expected);
    }

    [Fact]
    public async Task Export_WhereTheDatabaseCannotRun_ExitsTwoAndLeavesNoFile()
    {
        var folder = Path.Combine(_exports.Directory, "never");

        var (exitCode, _, error) = await _exports.RunAsync(["export", "--format", "parquet", "-o", folder, "--where", "s.no_such_column = 1"]);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.TrimEnd().ShouldBe("error: --where: column s.no_such_column does not exist");
        System.IO.Directory.Exists(folder).ShouldBeFalse();
    }

    private static Dictionary<string, string?> Row(List<string?[]> records, string nctId)
    {
        var header = records[0];
        var row = records.Single(r => r[0] == nctId);
        return header.Select((name, i) => (name!, row[i])).ToDictionary(p => p.Item1, p => p.Item2);
    }

    private static async Task<List<object?[]>> ReadParquetAsync(string path, params string[] columns)
    {
        await using var reader = await ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, TestContext.Current.CancellationToken);
        var rows = new List<object?[]>();
        var fields = columns.Select(c => reader.Schema.GetDataFields().Single(f => f.Name == c)).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new List<Array>();
            foreach (var field in fields)
            {
                values.Add(await ReadColumnAsync(group, field));
            }

            for (var r = 0; r < group.RowCount; r++)
            {
                rows.Add([.. values.Select(v => v.GetValue(r))]);
            }
        }

        return rows;
    }

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field)
    {
        var count = (int)group.RowCount;
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory(), null, TestContext.Current.CancellationToken);
            return strings;
        }

        if (field.ClrType == typeof(decimal))
        {
            var decimals = new decimal?[count];
            await group.ReadAsync(field, decimals.AsMemory(), null, TestContext.Current.CancellationToken);
            return decimals;
        }

        if (field.ClrType != typeof(DateOnly))
        {
            throw new ArgumentException($"{field.Name}: read as {field.ClrType}", nameof(field));
        }

        var dates = new DateOnly?[count];
        await group.ReadAsync(field, dates.AsMemory(), null, TestContext.Current.CancellationToken);
        return dates;
    }

    /// <summary>
    /// For every table: PostgreSQL's count and checksum of the rows' text against DuckDB's over the exported source. Typed
    /// sources (Parquet, the DuckDB file) compare values (a number by its value: trailing zeros trimmed on both sides);
    /// CSV compares PostgreSQL's own text of each value, exactly.
    /// </summary>
    private async Task<List<string>> CompareAsync(string exported, Func<FileTable, string, string> source, bool typed, string? database = null)
    {
        await using var duckdb = await ExportedTableChecksums.OpenDuckDbAsync(database);
        var differences = new List<string>();
        foreach (var table in FileTable.All(DatabaseSchema.Default))
        {
            var expected = await _exports.ScalarAsync($"SELECT {ExportedTableChecksums.Checksum(table, typed, postgres: true)} FROM {table.Qualified} t");
            var path = Path.Combine(exported, table.Schema, table.Name);
            var actual = (await QueryAnswers.RowsAsync(duckdb, $"SELECT {ExportedTableChecksums.Checksum(table, typed, postgres: false)} FROM {source(table, path)} t")).Single();
            if (expected != actual)
            {
                differences.Add($"{table.Qualified}: PostgreSQL {expected}, DuckDB {actual}");
            }
        }

        return differences;
    }

    /// <summary>The 200 real studies and the awkward one, imported once; each export made once, on first use.</summary>
    public sealed class Exports : IAsyncLifetime
    {
        private readonly PostgresDatabase _database = new();
        private readonly Dictionary<string, string> _made = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("clinical-table-export-").FullName;

        public async ValueTask InitializeAsync()
        {
            await _database.InitializeAsync();
            if (string.IsNullOrEmpty(_database.ConnectionString))
            {
                return;
            }

            var all = JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath))!.AsArray().Select(s => s!.ToJsonString()).ToList();
            all.Add(AwkwardStudy());
            var input = Path.Combine(Directory, "input.json");
            await File.WriteAllTextAsync(input, "[\n" + string.Join(",\n", all) + "\n]\n");
            (await TestImporter.ImportAsync(_database.ConnectionString, input)).Written.ShouldBe(201);
        }

        public async Task<string> FolderAsync(string format, params string[] options)
        {
            _database.RequireAvailable();
            var key = string.Join(' ', [format, .. options]);
            await _gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                if (!_made.TryGetValue(key, out var output))
                {
                    output = Path.Combine(Directory, $"export-{_made.Count}" + (format == "duckdb" ? ".duckdb" : string.Empty));
                    var (exitCode, stdout, error) = await RunAsync(["export", "--format", format, "--output", output, .. options]);
                    exitCode.ShouldBe(ExitCodes.Success, error);
                    stdout.ShouldStartWith("exported 112 tables (");
                    error.ShouldContain("ctgov.studies: ");
                    _made[key] = output;
                }

                return output;
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task<string> FileAsync() => FolderAsync("duckdb");

        public Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args) =>
            CliRunner.RunAsync([.. args, "--connection", _database.ConnectionString]);

        public async Task<long> CountAsync(string qualified) => long.Parse(await ScalarAsync($"SELECT count(*) FROM {qualified}"), System.Globalization.CultureInfo.InvariantCulture);

        public async Task<string> ScalarAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return (await QueryAnswers.RowsAsync(connection, sql)).Single();
        }

        public Task<List<string>> StringsAsync(string sql) => _database.StringsAsync(sql);

        public async ValueTask DisposeAsync()
        {
            await _database.DisposeAsync();
            System.IO.Directory.Delete(Directory, recursive: true);
            _gate.Dispose();
        }

        private static string AwkwardStudy() => new JsonObject
        {
            ["protocolSection"] = new JsonObject
            {
                ["identificationModule"] = new JsonObject { ["nctId"] = AwkwardNctId, ["briefTitle"] = AwkwardTitle, ["acronym"] = string.Empty },
                ["statusModule"] = new JsonObject { ["startDateStruct"] = new JsonObject { ["date"] = "2024-03" } },
                ["contactsLocationsModule"] = new JsonObject
                {
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["facility"] = "A | \"B\"",
                        ["country"] = "France",
                        ["geoPoint"] = new JsonObject { ["lat"] = JsonNode.Parse("1.50"), ["lon"] = JsonNode.Parse("-0.10") },
                    }),
                },
            },
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
