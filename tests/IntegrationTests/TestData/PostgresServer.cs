using System.Diagnostics;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>
/// The PostgreSQL server the integration tests use: CLINICAL_TEST_DB (an admin connection string) when set, otherwise the
/// private cluster that scripts/postgres.sh installs and starts. Without a server the tests skip, except under CI=true,
/// where they fail: CI must never pass without having run them.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<Task<(string? ConnectionString, string? Problem)>> Server = new(StartAsync);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static Task<(string? ConnectionString, string? Problem)> GetAsync() => Server.Value;

    private static async Task<(string?, string?)> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CLINICAL_TEST_DB");
        var connectionString = configured ?? "Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres;Pooling=false";
        if (configured is null && !await CanConnectAsync(connectionString))
        {
            var problem = await RunStartScriptAsync();
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        return await CanConnectAsync(connectionString)
            ? (connectionString, null)
            : (null, $"cannot connect to PostgreSQL ({new NpgsqlConnectionStringBuilder(connectionString).Host}:{new NpgsqlConnectionStringBuilder(connectionString).Port})");
    }

    private static async Task<bool> CanConnectAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task<string?> RunStartScriptAsync()
    {
        var script = RepositoryFile("scripts/postgres.sh");
        if (script is null)
        {
            return "scripts/postgres.sh not found above the test folder";
        }

        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["DBNAME"] = "clinical_tests";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : $"scripts/postgres.sh start failed ({process.ExitCode}): {await error}{await output}";
    }

    public static string? RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clinical.sln")))
            {
                var path = Path.Combine(dir.FullName, relative);
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
