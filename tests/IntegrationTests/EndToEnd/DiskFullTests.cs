using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Clinical.SampleGenerator;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The disk fills up: the database's tables live in a tablespace on a small tmpfs (a private cluster; mounting needs root,
/// which CI has). The import says the disk is full and where, exits 4 and leaves no study half-written; after space is
/// freed a re-run ends equal to a clean import, and the database takes the next run.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const int Studies = 3_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-diskfull-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Import_TablespaceFillsUp_SaysTheDiskIsFullKeepsWholeStudiesAndARerunAfterFreeingSpaceEqualsACleanImport()
    {
        if (!PrivatePostgresCluster.IsRoot)
        {
            Assert.False(PostgresServer.IsCi, "CI=true but the tests do not run as root: mounting a tmpfs needs root");
            Assert.Skip("mounting a tmpfs for the tablespace needs root");
        }

        await using var cluster = await PrivatePostgresCluster.StartAsync();
        var path = Path.Combine(_directory, "synthetic.json");
        await using (var file = File.Create(path))
        {
            new SampleStudyGenerator().WriteArray(file, Studies, seed: 31, TestContext.Current.CancellationToken);
        }

        var clean = await cluster.CreateDatabaseAsync("clinical_clean");
        (await CliRunner.RunProcessAsync(["import", path, "--quiet", "--connection", clean])).ExitCode.ShouldBe(ExitCodes.Success);
        var tableBytes = await ScalarAsync<long>(clean, $"SELECT sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c WHERE c.relnamespace = '{DatabaseSchema.Default.Name}'::regnamespace AND c.relkind = 'r'");
        var megabytes = Math.Clamp(tableBytes / 2 / (1 << 20), 4, 64); // half of what the tables take: the load must run out of it
        var mount = Path.Combine(_directory, "tmpfs");
        Directory.CreateDirectory(mount);
        await cluster.GiveToPostgresAsync(_directory); // the server must reach the tablespace's directory
        await PrivatePostgresCluster.RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", mount);
        try
        {
            await cluster.GiveToPostgresAsync(mount);
            await cluster.ExecuteAsync($"CREATE TABLESPACE small LOCATION '{mount}'");
            var full = await cluster.CreateDatabaseAsync("clinical_full");
            await cluster.ExecuteAsync("ALTER DATABASE clinical_full SET default_tablespace = small");

            var (exitCode, _, error) = await CliRunner.RunProcessAsync(["import", path, "--quiet", "--connection", full]);
            var statuses = await ScalarAsync<string>(full, $"SELECT string_agg(status, ',' ORDER BY run_id) FROM {DatabaseSchema.Default.Qualified("import_runs")}");
            var stored = await ScalarAsync<string[]>(full, $"SELECT coalesce(array_agg(nct_id), '{{}}') FROM {DatabaseSchema.Default.Qualified("studies")}");
            var storedChecksums = await TableChecksums.OfStudiesAsync(full, stored);
            var cleanChecksums = await TableChecksums.OfStudiesAsync(clean, stored);
            await PrivatePostgresCluster.RunAsync("mount", "-o", "remount,size=1g", mount);
            var (rerunExit, _, rerunError) = await CliRunner.RunProcessAsync(["import", path, "--quiet", "--connection", full]);
            var (nextExit, _, nextError) = await CliRunner.RunProcessAsync(["import", path, "--quiet", "--connection", full]);

            exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, error);
            var line = CliRunner.Lines(error).ShouldHaveSingleItem();
            line.ShouldStartWith($"error: PostgreSQL at 127.0.0.1:{cluster.Port}/clinical_full as postgres is out of disk space: ");
            line.ShouldContain("No space left on device");
            line.ShouldContain("pg_tblspc/");
            CliRunner.ShouldHoldNoStackTrace(error);
            statuses.ShouldNotContain("running");
            stored.Length.ShouldBeLessThan(Studies);
            storedChecksums.ShouldBe(cleanChecksums); // every stored study whole: all its rows in every table, as a clean import has them
            rerunExit.ShouldBe(ExitCodes.Success, rerunError);
            var expected = await TableChecksums.OfContentAsync(clean);
            (await TableChecksums.OfContentAsync(full)).ShouldBe(expected);
            nextExit.ShouldBe(ExitCodes.Success, nextError);
            TestContext.Current.SendDiagnosticMessage($"disk full ({megabytes} MB tmpfs, {stored.Length} of {Studies} studies stored whole, runs {statuses}): {line}; after freeing space all {expected.Count} table checksums equal a clean import's");
        }
        finally
        {
            await cluster.ExecuteAsync("DROP DATABASE IF EXISTS clinical_full WITH (FORCE)");
            await cluster.ExecuteAsync("DROP TABLESPACE IF EXISTS small");
            await PrivatePostgresCluster.RunAsync("umount", mount);
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
