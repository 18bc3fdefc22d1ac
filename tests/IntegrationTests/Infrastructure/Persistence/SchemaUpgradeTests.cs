using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>A schema made by an older build is upgraded in place by the next migrate (or import).</summary>
public sealed class SchemaUpgradeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Fact]
    public async Task CreateOrUpgrade_DoublePrecisionNumbersAndNoJsonShapeFromBefore_BecomeNumericKeepingTheValuesAndGainTheColumn()
    {
        // Arrange: the schema as builds before the export made it
        _database.RequireAvailable();
        await _database.ResetAsync();
        await ExecuteAsync(SchemaSql.CreateOrUpgrade(DatabaseSchema.Default, StudyTables.All));
        var locations = DatabaseSchema.Default.Qualified("locations");
        var studies = DatabaseSchema.Default.Qualified("studies");
        await ExecuteAsync($"""
            ALTER TABLE {studies} DROP COLUMN {StudiesTable.JsonShapeColumn};
            ALTER TABLE {locations} ALTER COLUMN latitude TYPE double precision;
            ALTER TABLE {studies} ALTER COLUMN predicted_min_bmi TYPE double precision;
            INSERT INTO {locations} (nct_id, location_ord, latitude) VALUES ('NCT00000001', 0, 48.1374);
            """);

        // Act
        await ExecuteAsync(SchemaSql.CreateOrUpgrade(DatabaseSchema.Default, StudyTables.All));
        await ExecuteAsync(SchemaSql.CreateOrUpgrade(DatabaseSchema.Default, StudyTables.All)); // idempotent: nothing left to change

        // Assert
        (await ScalarAsync($"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{locations}'::regclass AND attname = 'latitude'")).ShouldBe("numeric");
        (await ScalarAsync($"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{studies}'::regclass AND attname = 'predicted_min_bmi'")).ShouldBe("numeric");
        (await ScalarAsync($"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{studies}'::regclass AND attname = '{StudiesTable.JsonShapeColumn}'")).ShouldBe("jsonb");
        (await ScalarAsync($"SELECT latitude::text FROM {locations}")).ShouldBe("48.1374");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
