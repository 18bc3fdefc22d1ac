using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Clinical.Cli;
using Clinical.Infrastructure.Json;
using Clinical.IntegrationTests.Infrastructure.Json;
using Clinical.IntegrationTests.Infrastructure.Sources;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// Decompression bombs: a gzip or zip that inflates to gigabytes (white space, one endless string). The real CLI reads
/// them as a child process, and its peak resident set (VmHWM) stays under 400 MB: the study over the size limit is
/// quarantined with its size and a cut-off prefix, the white space is dropped as it comes, and every other study loads.
/// </summary>
[Collection(nameof(MemoryMeasurementCollection))]
public sealed class DecompressionBombTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const long Gigabyte = 1L << 30;
    private const long PeakBound = 400L << 20;
    private const string BombId = "NCT99999999";
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-bomb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_GzipWithAGigabyteOfWhitespaceAndAnOversizedStudy_QuarantinesItLoadsTheRestInUnder400Mb()
    {
        _database.RequireAvailable();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(3).ToList();
        var path = Path.Combine(_directory, "bomb.json.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await WriteAsync(gzip, $"[\n{studies[0]},\n");
            await WriteBombStudyAsync(gzip, 128L << 20);
            await WriteAsync(gzip, ",");
            await RepeatAsync(gzip, (byte)' ', Gigabyte);
            await WriteAsync(gzip, $"\n{studies[1]},\n{studies[2]}\n]\n");
        }

        var connection = await _database.CreateSiblingAsync();

        var (exitCode, result, peak) = await ImportMeasuredAsync(path, connection);

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects);
        result.GetProperty("read").GetInt64().ShouldBe(4);
        result.GetProperty("written").GetInt64().ShouldBe(3);
        result.GetProperty("rejected").GetInt64().ShouldBe(1);
        peak.ShouldBeLessThan(PeakBound);
        await ShouldHoldTheBombCutOffAsync(connection, (128L << 20) + BombOverhead());
    }

    [Fact]
    public async Task Import_ZipWithAGigabyteEndlessStringEntry_QuarantinesItLoadsTheOtherEntriesInUnder400Mb()
    {
        _database.RequireAvailable();
        var studies = (await StudySourceContractTests.RealStudiesForShapesAsync()).Take(2).ToList();
        var path = Path.Combine(_directory, "bomb.zip");
        await using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await using (var entry = await zip.CreateEntry("ctg-studies/0-first.json", CompressionLevel.Fastest).OpenAsync(TestContext.Current.CancellationToken))
            {
                await WriteAsync(entry, studies[0]);
            }

            await using (var entry = await zip.CreateEntry($"ctg-studies/1-{BombId}.json", CompressionLevel.Fastest).OpenAsync(TestContext.Current.CancellationToken))
            {
                await WriteBombStudyAsync(entry, Gigabyte);
            }

            await using (var entry = await zip.CreateEntry("ctg-studies/2-whitespace-first.json", CompressionLevel.Fastest).OpenAsync(TestContext.Current.CancellationToken))
            {
                await RepeatAsync(entry, (byte)'\n', 64L << 20);
                await WriteAsync(entry, studies[1]);
            }
        }

        new FileInfo(path).Length.ShouldBeLessThan(16L << 20); // the bomb: about 1 GB inflated from about 10 MB (deflate at its fastest level)
        var connection = await _database.CreateSiblingAsync();

        var (exitCode, result, peak) = await ImportMeasuredAsync(path, connection);

        exitCode.ShouldBe(ExitCodes.CompletedWithRejects);
        result.GetProperty("read").GetInt64().ShouldBe(3);
        result.GetProperty("written").GetInt64().ShouldBe(2);
        result.GetProperty("rejected").GetInt64().ShouldBe(1);
        peak.ShouldBeLessThan(PeakBound);
        await ShouldHoldTheBombCutOffAsync(connection, Gigabyte + BombOverhead());
    }

    /// <summary>The bomb's quarantine row: its NCT number, its whole size in the reason, and the cut-off prefix of its text.</summary>
    private static async Task ShouldHoldTheBombCutOffAsync(string connection, long size)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand("SELECT nct_id, reason, raw_json FROM registry.quarantine");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        reader.GetString(0).ShouldBe(BombId);
        reader.GetString(1).ShouldStartWith($"The study is {size.ToString("N0", CultureInfo.CurrentCulture)} bytes, over the size limit");
        var raw = reader.GetString(2);
        raw.Length.ShouldBe(StudyReaderOptions.CutOffPrefixBytes);
        raw.ShouldStartWith(BombHead);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    private const string BombHead = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + BombId + "\",\"briefTitle\":\"";

    private static long BombOverhead() => Encoding.UTF8.GetByteCount(BombHead) + "\"}}}".Length;

    /// <summary>A study whose title is one string of <paramref name="length"/> letters: about 1 MB compressed per GB.</summary>
    private static async Task WriteBombStudyAsync(Stream stream, long length)
    {
        await WriteAsync(stream, BombHead);
        await RepeatAsync(stream, (byte)'a', length);
        await WriteAsync(stream, "\"}}}");
    }

    private static async Task RepeatAsync(Stream stream, byte value, long count)
    {
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, value);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(left, chunk.Length)), TestContext.Current.CancellationToken);
        }
    }

    private static Task WriteAsync(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), TestContext.Current.CancellationToken).AsTask();

    /// <summary>Runs the real CLI on the file, reading its peak resident set (VmHWM) from /proc while it runs.</summary>
    private static async Task<(int ExitCode, JsonElement Result, long PeakBytes)> ImportMeasuredAsync(string path, string connection)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "clinical.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "import", path, "--json", "--connection", connection])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"peak resident set {peak >> 20} MB");
        (await error).ShouldNotContain("   at ");
        peak.ShouldBeGreaterThan(0, "VmHWM was never read");
        return (process.ExitCode, JsonDocument.Parse(await output).RootElement.Clone(), peak);
    }

    private static long PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) << 10;
        }
        catch (IOException)
        {
            return 0; // the process ended between the check and the read
        }
    }
}
