using Clinical.Cli;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// The .NET tool package as a user gets it: <c>dotnet pack</c>, <c>dotnet tool install</c> from the local folder into a
/// temporary tool path, <c>clinical --version</c>, and an import of the bundled synthetic sample.
/// </summary>
public sealed class ToolPackageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly PostgresDatabase _database = database;
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-tool-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Pack_InstalledAsTool_PrintsItsVersionAndImportsTheSample()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var project = Path.GetDirectoryName(PostgresServer.RepositoryFile("src/Cli/Cli.csproj"))!;
        var (packages, tools) = (Path.Combine(_directory, "packages"), Path.Combine(_directory, "tools"));

        var pack = await ProcessRunner.RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", packages, "--nologo", "-v", "quiet"]);
        var install = await ProcessRunner.RunAsync("dotnet", ["tool", "install", "Clinical", "--tool-path", tools, "--add-source", packages, "--version", ToolVersion.Version]);
        var clinical = Path.Combine(tools, OperatingSystem.IsWindows() ? "clinical.exe" : "clinical");
        var version = await ProcessRunner.RunAsync(clinical, ["--version"]);
        var sample = Path.Combine(_directory, "sample.json");
        var write = await ProcessRunner.RunAsync(clinical, ["sample", "-n", "40", "-o", sample]);
        var import = await ProcessRunner.RunAsync(clinical, ["import", sample, "--json", "-c", _database.ConnectionString]);

        pack.ExitCode.ShouldBe(0, pack.Output + pack.Error);
        File.Exists(Path.Combine(packages, $"Clinical.{ToolVersion.Version}.nupkg")).ShouldBeTrue();
        install.ExitCode.ShouldBe(0, install.Output + install.Error);
        version.ExitCode.ShouldBe(ExitCodes.Success, version.Error);
        version.Output.ShouldStartWith($"clinical {ToolVersion.Version} (commit ");
        write.ExitCode.ShouldBe(ExitCodes.Success, write.Error);
        import.ExitCode.ShouldBe(ExitCodes.Success, import.Error);
        System.Text.Json.JsonDocument.Parse(import.Output).RootElement.GetProperty("written").GetInt32().ShouldBe(40);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {Clinical.Infrastructure.DatabaseSchema.Default.Qualified("studies")}", connection);
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(40);
    }
}
