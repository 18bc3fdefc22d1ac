using Clinical.Infrastructure;
using Npgsql;

namespace Clinical.IntegrationTests.TestData;

/// <summary>A fresh database for one test class, dropped afterwards. Tests call <see cref="RequireAvailable"/> first.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private string? _adminConnectionString;
    private string? _problem;

    public string Name { get; } = $"clinical_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        (_adminConnectionString, _problem) = await PostgresServer.GetAsync();
        if (_adminConnectionString is null)
        {
            if (PostgresServer.IsCi)
            {
                throw new InvalidOperationException($"CI=true but no PostgreSQL for the integration tests: {_problem}");
            }

            return;
        }

        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name, Pooling = true }.ConnectionString;
    }

    private readonly List<string> _siblings = [];

    /// <summary>Another fresh database on the same server, dropped with this one (e.g. a clean run to compare with).</summary>
    public async Task<string> CreateSiblingAsync()
    {
        var name = $"{Name}_{_siblings.Count + 1}";
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _siblings.Add(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Skips the test when there is no server (never under CI, where the fixture already failed).</summary>
    public void RequireAvailable() => Assert.SkipWhen(_adminConnectionString is null, $"No PostgreSQL: {_problem}");

    /// <summary>Drops the native schema and the AACT layer's, so that each test starts from an empty database.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {DatabaseSchema.Default.Identifier}, {DatabaseSchema.AactSchemaName} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text.</summary>
    public async Task<List<string>> StringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _siblings.Append(Name))
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
