using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinical.Cli;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// A primary and its streaming hot standby, both private clusters of their own (never the shared test server, whose
/// pg_hba.conf, WAL settings and other tests' databases are not this test's to depend on): the standby is taken with
/// <c>pg_basebackup -R</c> before anything is imported, so the data reaches it by streaming replication. On the primary,
/// the 200 real studies are imported, then one of them changed (so <c>history</c> has two versions to show); the
/// fixture is ready once the standby has replayed all of it. Without PostgreSQL's binaries the tests skip, except under
/// CI=true, where they fail.
/// </summary>
public sealed class HotStandby : IAsyncLifetime
{
    public const string Database = "clinical";

    private PrivatePostgresCluster? _primary;
    private PrivatePostgresCluster? _standby;
    private string? _problem;

    /// <summary>A folder of the fixture's own (input files, exports), deleted with it.</summary>
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("clinical-standby-test-").FullName;

    public string PrimaryConnectionString => _primary!.ConnectionString(Database);

    public string StandbyConnectionString => _standby!.ConnectionString(Database);

    /// <summary>The study imported twice, changed the second time: it has two versions.</summary>
    public string ChangedNctId { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (PrivatePostgresCluster.BinDirectory is null)
        {
            _problem = "PostgreSQL's server binaries are not installed (/usr/lib/postgresql/*/bin): no primary and standby";
            if (PostgresServer.IsCi)
            {
                throw new InvalidOperationException($"CI=true but {_problem}");
            }

            return;
        }

        try
        {
            _primary = await PrivatePostgresCluster.StartAsync();
            await _primary.CreateDatabaseAsync(Database);
            _standby = await _primary.StartStandbyAsync();
            await ImportAsync(TestFixtures.RealStudiesPath);
            await ImportAsync(await WriteChangedStudyAsync());
            await _primary.WaitForReplayAsync(_standby, TimeSpan.FromMinutes(1));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Skips the test when PostgreSQL is not installed (never under CI, where the fixture already failed).</summary>
    public void RequireAvailable() => Assert.SkipWhen(_primary is null, $"No primary and standby: {_problem}");

    /// <summary>Every row <paramref name="sql"/> returns, its columns as invariant text joined by <c>|</c>.</summary>
    public static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_standby is { } standby)
            {
                _standby = null;
                await standby.DisposeAsync();
            }
        }
        finally
        {
            if (_primary is { } primary)
            {
                _primary = null;
                await primary.DisposeAsync();
            }

            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    private async Task ImportAsync(string path)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["import", path, "--quiet", "--connection", PrimaryConnectionString]);
        if (exitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"import {path} on the primary exited {exitCode}: {error}{output}");
        }
    }

    /// <summary>The first real study, its status and last update changed, as a single-study file.</summary>
    private async Task<string> WriteChangedStudyAsync()
    {
        var line = (await File.ReadAllLinesAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken)).First(l => l.StartsWith('{'));
        var study = JsonNode.Parse(line.TrimEnd(','))!.AsObject();
        var status = study["protocolSection"]!["statusModule"]!;
        status["overallStatus"] = status["overallStatus"]!.GetValue<string>() == "WITHDRAWN" ? "COMPLETED" : "WITHDRAWN";
        status["lastUpdatePostDateStruct"] = new JsonObject { ["date"] = "2026-06-15", ["type"] = "ACTUAL" };
        ChangedNctId = study["protocolSection"]!["identificationModule"]!["nctId"]!.GetValue<string>();
        var path = Path.Combine(Directory, "changed.json");
        await File.WriteAllTextAsync(path, study.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), TestContext.Current.CancellationToken);
        return path;
    }
}
