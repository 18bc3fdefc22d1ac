using Clinical.Cli;
using Clinical.Infrastructure;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd;

/// <summary>
/// How DBAs deploy loaders: an owner role runs <c>clinical migrate</c>, a loader role that owns nothing and has no CREATE
/// privilege runs <c>clinical import</c>. Without the privileges it needs, import and migrate say which one is missing and
/// which statement needs it.
/// </summary>
public sealed class LoaderRoleTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly PostgresDatabase _database = database;
    private readonly string _owner = $"clinical_owner_{Guid.NewGuid():N}"[..30];
    private readonly string _loader = $"clinical_loader_{Guid.NewGuid():N}"[..30];

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrEmpty(_database.ConnectionString))
        {
            return;
        }

        await AdminAsync($"CREATE ROLE {_owner} LOGIN; CREATE ROLE {_loader} LOGIN; GRANT CREATE ON DATABASE {_database.Name} TO {_owner}");
    }

    public async ValueTask DisposeAsync()
    {
        if (string.IsNullOrEmpty(_database.ConnectionString))
        {
            return;
        }

        await ExecuteAsync(_database.ConnectionString, $"DROP SCHEMA IF EXISTS {DatabaseSchema.Default.Identifier} CASCADE; DROP OWNED BY {_owner}, {_loader}");
        await AdminAsync($"DROP OWNED BY {_owner}, {_loader}; DROP ROLE {_owner}; DROP ROLE {_loader}");
    }

    [Fact]
    public async Task ImportAndMigrate_RoleWithoutCreateOnTheDatabase_NameThePrivilegeAndTheStatement()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();

        var (migrateExit, _, migrateError) = await CliRunner.RunAsync(["migrate", "--connection", As(_loader)]);
        var (importExit, _, importError) = await CliRunner.RunAsync(["import", TestFixtures.RealStudiesPath, "--connection", As(_loader)]);

        migrateExit.ShouldBe(ExitCodes.DatabaseUnavailable, migrateError);
        var line = CliRunner.Lines(migrateError).ShouldHaveSingleItem();
        line.ShouldContain($"the role {_loader} lacks the CREATE privilege on database {_database.Name}, which `CREATE SCHEMA IF NOT EXISTS {DatabaseSchema.Default.Identifier}` needs");
        line.ShouldContain("clinical migrate");
        CliRunner.ShouldHoldNoStackTrace(migrateError);
        importExit.ShouldBe(ExitCodes.DatabaseUnavailable, importError);
        CliRunner.Lines(importError).ShouldHaveSingleItem().ShouldBe(line);
        TestContext.Current.SendDiagnosticMessage($"missing privilege: {line}");
    }

    [Fact]
    public async Task Import_LoaderRoleAfterTheOwnerMigrated_LoadsWithoutOwnershipAndSaysSoWithVerbose()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        var clean = await _database.CreateSiblingAsync();
        (await CliRunner.RunAsync(["import", TestFixtures.RealStudiesPath, "--quiet", "--connection", clean])).ExitCode.ShouldBe(ExitCodes.Success);

        var (migrateExit, _, migrateError) = await CliRunner.RunAsync(["migrate", "--connection", As(_owner)]);
        await ExecuteAsync(As(_owner), LoaderGrants(_loader));
        var (importExit, _, importError) = await CliRunner.RunProcessAsync(["import", TestFixtures.RealStudiesPath, "--verbose", "--connection", As(_loader)]);
        var (againExit, _, againError) = await CliRunner.RunAsync(["import", TestFixtures.RealStudiesPath, "--quiet", "--connection", As(_loader)]);

        migrateExit.ShouldBe(ExitCodes.Success, migrateError);
        importExit.ShouldBe(ExitCodes.Success, importError);
        importError.ShouldContain($"First load without the fast path: the role {_loader} does not own the tables of schema {DatabaseSchema.Default.Name}");
        againExit.ShouldBe(ExitCodes.Success, againError);
        (await TableChecksums.OfContentAsync(_database.ConnectionString)).ShouldBe(await TableChecksums.OfContentAsync(clean));
    }

    [Fact]
    public async Task Import_LoaderWithoutUpdate_NamesThePrivilegeAndTheStatementAndRecordsNoRun()
    {
        _database.RequireAvailable();
        await _database.ResetAsync();
        (await CliRunner.RunAsync(["migrate", "--connection", As(_owner)])).ExitCode.ShouldBe(ExitCodes.Success);
        await ExecuteAsync(As(_owner), $"{LoaderGrants(_loader)}; REVOKE UPDATE ON ALL TABLES IN SCHEMA {DatabaseSchema.Default.Identifier} FROM {_loader}");

        var (exitCode, _, error) = await CliRunner.RunProcessAsync(["import", TestFixtures.RealStudiesPath, "--quiet", "--connection", As(_loader)]);

        exitCode.ShouldBe(ExitCodes.DatabaseUnavailable, error);
        var line = CliRunner.Lines(error).ShouldHaveSingleItem();
        line.ShouldContain($"the role {_loader} lacks the UPDATE privilege on table import_runs, which `UPDATE {DatabaseSchema.Default.Qualified("import_runs")} SET status = 'interrupted'");
        line.ShouldContain("Grant it: a loader role needs USAGE on the schema and SELECT, INSERT, UPDATE and DELETE on its tables");
        CliRunner.ShouldHoldNoStackTrace(error);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var runs = new NpgsqlCommand($"SELECT count(*) FROM {DatabaseSchema.Default.Qualified("import_runs")}", connection);
        ((long)(await runs.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
    }

    /// <summary>
    /// Everything a loader role needs, as docs/reliability.md gives it (the native schema and the AACT layer's): no sequence privilege (run_id is an identity
    /// column), and TEMPORARY on the database only for --full, which PUBLIC has by default.
    /// </summary>
    private static string LoaderGrants(string loader) => $"""
        GRANT USAGE ON SCHEMA {DatabaseSchema.Default.Identifier}, {DatabaseSchema.AactSchemaName} TO {loader};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {DatabaseSchema.Default.Identifier}, {DatabaseSchema.AactSchemaName} TO {loader}
        """;

    private string As(string role) => new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = role, Password = null }.ConnectionString;

    private Task AdminAsync(string sql) => ExecuteAsync(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres" }.ConnectionString, sql);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
