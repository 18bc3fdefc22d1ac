using System.Text.Json.Nodes;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>
/// The 200 real studies imported once into a database of their own, for the AACT query tests; queries run on a new,
/// unpooled connection that sets nothing, as an AACT client connects.
/// </summary>
public sealed class AactRealStudies : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public IReadOnlyList<JsonNode> Studies { get; private set; } = [];

    public string ConnectionString => _database.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        Studies = [.. JsonNode.Parse(await File.ReadAllTextAsync(TestFixtures.RealStudiesPath))!.AsArray().Select(s => s!)];
        if (!string.IsNullOrEmpty(_database.ConnectionString))
        {
            await TestImporter.ImportAsync(_database.ConnectionString, TestFixtures.RealStudiesPath);
        }
    }

    public void RequireAvailable() => _database.RequireAvailable();

    /// <summary>The first column of every row of <paramref name="sql"/>, on a fresh connection with no settings of its own.</summary>
    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.IsDBNull(0) ? default! : reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async Task<T> ScalarAsync<T>(string sql) => (await ColumnAsync<T>(sql)).Single();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
