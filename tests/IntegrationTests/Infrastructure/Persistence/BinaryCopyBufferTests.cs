using Clinical.Infrastructure.Persistence.Copy;
using Clinical.IntegrationTests.TestData;
using Npgsql;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

/// <summary>What the encoder writes, PostgreSQL reads back as the same values: each type against the server itself.</summary>
public sealed class BinaryCopyBufferTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly PostgresDatabase _database = database;

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("20200")]
    [InlineData("0.17")]
    [InlineData("-0.90")]
    [InlineData("1.50")]
    [InlineData("0.001")]
    [InlineData("0.00003422")]
    [InlineData("12345678.9012")]
    [InlineData("10000")]
    [InlineData("100000000")]
    [InlineData("0.0001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-7.9228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public async Task WriteNumeric_AnyDecimal_PostgresReadsTheSameValueAndScale(string text)
    {
        _database.RequireAvailable();
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var stored = await RoundTripAsync("numeric", b => b.WriteNumeric(value));

        stored.ShouldBe(text);
    }

    [Fact]
    public async Task Write_EveryOtherType_PostgresReadsTheSameValues()
    {
        _database.RequireAvailable();

        (await RoundTripAsync("text", b => b.WriteText("Zürich ≥ 18 \\> ok\ttab\nline"))).ShouldBe("Zürich ≥ 18 \\> ok\ttab\nline");
        (await RoundTripAsync("text", b => b.WriteText("nul\0dropped"))).ShouldBe("nuldropped");
        (await RoundTripAsync("text", b => b.WriteText(null))).ShouldBe("<null>");
        (await RoundTripAsync("boolean", b => b.WriteBoolean(true))).ShouldBe("true");
        (await RoundTripAsync("integer", b => b.WriteInt32(-123456))).ShouldBe("-123456");
        (await RoundTripAsync("bigint", b => b.WriteInt64(9_000_000_000))).ShouldBe("9000000000");
        (await RoundTripAsync("double precision", b => b.WriteDouble(-71.0589))).ShouldBe("-71.0589");
        (await RoundTripAsync("date", b => b.WriteDate(new DateOnly(2021, 3, 1)))).ShouldBe("2021-03-01");
        (await RoundTripAsync("date", b => b.WriteDate(new DateOnly(1999, 12, 31)))).ShouldBe("1999-12-31");
        (await RoundTripAsync("timestamp", b => b.WriteTimestamp(new DateTime(2021, 3, 15, 14, 2, 0)))).ShouldBe("2021-03-15 14:02:00");
        (await RoundTripAsync("bytea", b => b.WriteBytes([0xDE, 0xAD, 0x00, 0xFF]))).ShouldBe("\\xdead00ff");
    }

    private async Task<string> RoundTripAsync(string type, Action<BinaryCopyBuffer> write)
    {
        var buffer = new BinaryCopyBuffer(16);
        buffer.StartRow(1);
        write(buffer);
        buffer.Complete();
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS roundtrip; CREATE TABLE roundtrip (v {type})", connection))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using (var stream = await connection.BeginRawBinaryCopyAsync("COPY roundtrip (v) FROM STDIN (FORMAT BINARY)", TestContext.Current.CancellationToken))
        {
            await stream.WriteAsync(buffer.Data, TestContext.Current.CancellationToken);
        }

        await using var read = new NpgsqlCommand("SELECT coalesce(v::text, '<null>') FROM roundtrip", connection);
        return (string)(await read.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
