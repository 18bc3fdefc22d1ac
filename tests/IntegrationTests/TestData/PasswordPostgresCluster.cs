using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// A private PostgreSQL cluster of its own (never the shared test cluster) that demands a password: initdb with
/// <c>--auth=scram-sha-256</c> and a password file, run as the postgres user when the tests run as root, as
/// scripts/postgres.sh does. Without PostgreSQL's binaries the tests skip, except under CI=true, where they fail.
/// </summary>
public sealed class PasswordPostgresCluster : IAsyncLifetime
{
    public const string User = "postgres";
    public const string Password = "Pw-for:the@test/cluster";
    private string? _bin;
    private string? _problem;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"clinical-pwpg-{Guid.NewGuid():N}");

    public int Port { get; private set; }

    public string Database => "clinical";

    /// <summary>The admin connection string, password included.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={Database};Pooling=false";

    public void RequireAvailable() => Assert.SkipWhen(_bin is null, $"No private PostgreSQL cluster: {_problem}");

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (_bin is null)
        {
            await FailAsync("PostgreSQL's binaries are not installed (/usr/lib/postgresql/*/bin): run scripts/postgres.sh start once");
            return;
        }

        var data = Path.Combine(_directory, "data");
        var passwordFile = Path.Combine(_directory, "pwfile");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _directory]);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Port = FreePort();
        await RunAsPostgresAsync("initdb", ["-D", data, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-locale"]);
        await RunAsPostgresAsync("pg_ctl", ["-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1", "start"]);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_bin is not null && Port != 0)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsPostgresAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "stop"]);
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task FailAsync(string problem)
    {
        _problem = problem;
        _bin = null;
        if (PostgresServer.IsCi)
        {
            throw new InvalidOperationException($"CI=true but no private PostgreSQL cluster: {problem}");
        }

        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsPostgresAsync(string program, string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, program), .. arguments])
            : RunAsync(Path.Combine(_bin!, program), arguments);

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
