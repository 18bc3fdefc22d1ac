using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// A throwaway PostgreSQL cluster of one test's own, for tests that restart, stop, fill or reconfigure a server (never
/// the shared test server): initdb into a temporary directory as the postgres user (runuser when root, as
/// scripts/postgres.sh does), started on a free port, stopped and deleted on dispose. Without PostgreSQL's binaries the
/// test skips, except under CI=true, where it fails.
/// </summary>
internal sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private PrivatePostgresCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public static bool IsRoot => Environment.UserName == "root";

    public int Port { get; }

    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The newest installed PostgreSQL's server binaries (/usr/lib/postgresql/*/bin), or null.</summary>
    public static string? BinDirectory => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => b, StringComparer.Ordinal).LastOrDefault()
        : null;

    /// <summary>Initialises and starts a cluster, or skips the test (fails it under CI) when PostgreSQL is not installed.</summary>
    public static async Task<PrivatePostgresCluster> StartAsync()
    {
        var bin = BinDirectory;
        if (bin is null)
        {
            Assert.False(PostgresServer.IsCi, "CI=true but PostgreSQL's server binaries (/usr/lib/postgresql/*/bin) are not installed");
            Assert.Skip("PostgreSQL's server binaries are not installed (/usr/lib/postgresql/*/bin): no private cluster");
        }

        var directory = Directory.CreateTempSubdirectory("clinical-private-pg-").FullName;
        var cluster = new PrivatePostgresCluster(bin, directory, FreePort());
        try
        {
            Directory.CreateDirectory(cluster.DataDirectory);
            await cluster.GiveToPostgresAsync(directory);
            await cluster.GiveToPostgresAsync(cluster.DataDirectory);
            await cluster.RunAsPostgresAsync("initdb", "-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A hot standby of this cluster, started in a directory and on a port of its own: <c>pg_basebackup -R -X stream</c>
    /// copies the running cluster and writes <c>standby.signal</c> and the <c>primary_conninfo</c> that streams the
    /// primary's WAL (wal_level replica, max_wal_senders 10 and hot_standby on are PostgreSQL's defaults; initdb's
    /// pg_hba.conf admits replication connections from 127.0.0.1 with the cluster's own auth method, trust here). Stopped
    /// and deleted on dispose, like any private cluster.
    /// </summary>
    public async Task<PrivatePostgresCluster> StartStandbyAsync()
    {
        var standby = new PrivatePostgresCluster(_bin, Directory.CreateTempSubdirectory("clinical-standby-pg-").FullName, FreePort());
        try
        {
            await standby.GiveToPostgresAsync(standby._directory);
            await RunAsPostgresAsync(
                "pg_basebackup", "-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", "-D", standby.DataDirectory, "-R", "-X", "stream", "-c", "fast", "--no-sync");
            await standby.StartServerAsync();
            return standby;
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until <paramref name="standby"/> has replayed everything this cluster has written so far: the standby's
    /// <c>pg_last_wal_replay_lsn()</c> reaches the primary's <c>pg_current_wal_lsn()</c> taken now. Polls that signal,
    /// for at most <paramref name="timeout"/>, then fails with both positions.
    /// </summary>
    public async Task WaitForReplayAsync(PrivatePostgresCluster standby, TimeSpan timeout)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        string target;
        await using (var primary = new NpgsqlConnection(ConnectionString()))
        {
            await primary.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
            target = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var connection = new NpgsqlConnection(standby.ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var replayed = new NpgsqlCommand("SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false), pg_last_wal_replay_lsn()::text", connection);
        replayed.Parameters.Add(new NpgsqlParameter { Value = target });
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            await using (var reader = await replayed.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                if (reader.GetBoolean(0))
                {
                    return;
                }

                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"the standby on port {standby.Port} replayed up to {(reader.IsDBNull(1) ? "nothing" : reader.GetString(1))}, not {target}, within {timeout.TotalSeconds} s");
                }
            }

            // The next look at the signal, not a wait for an assumed time: replay is usually done in milliseconds.
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster (no pooling: a stopped server leaves no dead pool behind).</summary>
    public string ConnectionString(string database = "postgres", string user = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={user};Database={database};Pooling=false";

    public Task StartServerAsync() => RunAsPostgresAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off", "start");

    /// <summary>Stops the server at once (fast shutdown: sessions are terminated, transactions rolled back).</summary>
    public Task StopServerAsync() => RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary><c>pg_ctl restart -m fast</c>: every session is terminated, the server comes back on the same port.</summary>
    public Task RestartServerAsync() => RunAsPostgresAsync(
        "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-m", "fast", "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off", "restart");

    /// <summary>Creates a database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    /// <summary>Runs SQL as the superuser on <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Makes <paramref name="path"/> the postgres user's (when root: the server runs as postgres), mode 700.</summary>
    public async Task GiveToPostgresAsync(string path)
    {
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", path);
        }

        await RunAsync("chmod", "700", path);
    }

    /// <summary>Runs a program and fails with its output when it exits non-zero.</summary>
    public static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running (never started, or the test stopped it).
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task RunAsPostgresAsync(string program, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. args]) : RunAsync(Path.Combine(_bin, program), args);

    /// <summary>
    /// A port nothing listens on: the first free one of <c>CLINICAL_TEST_PORTS</c> (<c>first-last</c>, for a shared machine
    /// whose other ports belong to someone else) when set, else one the system picks.
    /// </summary>
    private static int FreePort()
    {
        if (Environment.GetEnvironmentVariable("CLINICAL_TEST_PORTS") is { } range
            && range.Split('-') is [var first, var last]
            && int.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var from)
            && int.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, out var to))
        {
            for (var port = from; port <= to; port++)
            {
                try
                {
                    using var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Taken: the next one.
                }
            }

            throw new InvalidOperationException($"CLINICAL_TEST_PORTS={range}: every port is taken");
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
