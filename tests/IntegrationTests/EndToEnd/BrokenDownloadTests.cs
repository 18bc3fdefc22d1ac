using System.Security.Cryptography;
using System.Text;
using Clinical.Cli;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.TestData;
using Npgsql;
using Spectre.Console.Testing;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The most common broken downloads, as the CLI meets them: a zip or gzip cut off or damaged. Each ends with exit 2 and
/// one line that says the download is incomplete and should be fetched again, no stack trace; every study in the database
/// afterwards is one of the input's studies, whole (its stored SHA-256 is that of an input study's exact text).
/// </summary>
public sealed class BrokenDownloadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int Studies = 60;
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-download-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_TruncatedZip_ExitsTwoSayingTheDownloadIsIncompleteAndWritesNothing()
    {
        var (studies, connection) = await StartAsync();
        var zip = await InputFiles.ZipAsync(Path.Combine(_directory, "ctg-studies.zip"), studies);
        await CutAsync(zip, keep: 2.0 / 3);

        var (exitCode, error) = await ImportAsync(zip, connection);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain($"{zip}: The zip file is cut off or damaged");
        error.ShouldContain("The download is incomplete: fetch it again.");
        (await ScalarAsync<long>(connection, "SELECT count(*) FROM registry.studies")).ShouldBe(0);
        (await ScalarAsync<string>(connection, "SELECT status FROM registry.import_runs")).ShouldBe("input_error");
    }

    [Fact]
    public async Task Import_ZipWithADamagedEntry_ExitsTwoKeepingTheWholeStudiesBeforeIt()
    {
        var (studies, connection) = await StartAsync();
        var zip = await InputFiles.ZipAsync(Path.Combine(_directory, "ctg-studies.zip"), studies);
        var bytes = await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken);
        bytes[DataStartOfEntry(bytes, 30)] = 0xFF; // a deflate block of the reserved type 3: the entry cannot be inflated
        await File.WriteAllBytesAsync(zip, bytes, TestContext.Current.CancellationToken);

        var (exitCode, error) = await ImportAsync(zip, connection);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain("The zip file is cut off or damaged");
        error.ShouldContain("fetch it again");
        await ShouldHoldWholeStudiesAsync(connection, studies, expected: 30);
    }

    [Fact]
    public async Task Import_ZipWhoseEntryIsTruncated_ExitsTwoKeepingTheWholeStudiesBeforeIt()
    {
        var (studies, connection) = await StartAsync();
        var cut = studies.Select((s, i) => i == 40 ? s[..(s.Length / 2)] : s).ToList();
        var zip = await InputFiles.ZipAsync(Path.Combine(_directory, "ctg-studies.zip"), cut);

        var (exitCode, error) = await ImportAsync(zip, connection);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain("The zip file ends early. The download is incomplete: fetch it again.");
        await ShouldHoldWholeStudiesAsync(connection, studies, expected: 40);
    }

    [Fact]
    public async Task Import_TruncatedGzip_ExitsTwoKeepingTheWholeStudiesBeforeTheBreak()
    {
        var (studies, connection) = await StartAsync();
        var gzip = await InputFiles.GzipAsync(Path.Combine(_directory, "ctg-studies.json.gz"), studies);
        await CutAsync(gzip, keep: 0.5);

        var (exitCode, error) = await ImportAsync(gzip, connection);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain("The gzip file ends early. The download is incomplete: fetch it again.");
        error.ShouldContain(" at byte ");
        var kept = await ShouldHoldWholeStudiesAsync(connection, studies, expected: null);
        kept.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Import_DamagedGzip_ExitsTwoKeepingOnlyWholeStudies()
    {
        var (studies, connection) = await StartAsync();
        var gzip = await InputFiles.GzipAsync(Path.Combine(_directory, "ctg-studies.json.gz"), studies);
        var bytes = await File.ReadAllBytesAsync(gzip, TestContext.Current.CancellationToken);
        Array.Fill(bytes, (byte)0xFF, bytes.Length / 2, 256);
        await File.WriteAllBytesAsync(gzip, bytes, TestContext.Current.CancellationToken);

        var (exitCode, error) = await ImportAsync(gzip, connection);

        exitCode.ShouldBe(ExitCodes.InvalidInput);
        error.ShouldContain("The gzip file");
        error.ShouldContain("fetch it again");
        await ShouldHoldWholeStudiesAsync(connection, studies, expected: null);
    }

    private async Task<(List<string> Studies, string Connection)> StartAsync()
    {
        _database.RequireAvailable();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(Studies).ToList();
        return (studies, await _database.CreateSiblingAsync());
    }

    /// <summary>
    /// Every stored study is an input study, byte for byte; returns how many there are. (Damaged gzip data may inflate to
    /// garbage before the inflater notices: that garbage is quarantined like any broken study, never stored as one.)
    /// </summary>
    private static async Task<long> ShouldHoldWholeStudiesAsync(string connection, List<string> studies, long? expected)
    {
        var hashes = studies.Select(s => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)))).ToHashSet(StringComparer.Ordinal);
        await using var database = new NpgsqlConnection(connection);
        await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT upper(encode(content_sha256, 'hex')) FROM registry.studies", database);
        var stored = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                stored.Add(reader.GetString(0));
            }
        }

        stored.ShouldAllBe(hash => hashes.Contains(hash));
        if (expected is { } count)
        {
            // Nothing but the studies before the break: no half study, nothing quarantined.
            stored.Count.ShouldBe((int)count);
            (await ScalarAsync<long>(connection, "SELECT count(*) FROM registry.quarantine")).ShouldBe(0);
        }

        return stored.Count;
    }

    private static async Task CutAsync(string path, double keep)
    {
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes.AsSpan(0, (int)(bytes.Length * keep)).ToArray(), TestContext.Current.CancellationToken);
    }

    /// <summary>Where the compressed data of the zip's entry number <paramref name="index"/> starts (after its local header).</summary>
    private static int DataStartOfEntry(byte[] zip, int index)
    {
        var at = -1;
        for (var i = 0; i <= index; i++)
        {
            at = zip.AsSpan(at + 1).IndexOf("PK\u0003\u0004"u8) + at + 1;
        }

        var nameLength = BitConverter.ToUInt16(zip, at + 26);
        var extraLength = BitConverter.ToUInt16(zip, at + 28);
        return at + 30 + nameLength + extraLength;
    }

    private static async Task<(int ExitCode, string Error)> ImportAsync(string path, string connection)
    {
        var console = new TestConsole().Width(200);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["import", path, "--quiet", "--connection", connection], console, output, error, _ => null);
        var all = console.Output + output + error;
        all.ShouldNotContain("   at ");
        all.ShouldNotContain("Exception:");
        return (exitCode, all);
    }

    private static async Task<T> ScalarAsync<T>(string connection, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
