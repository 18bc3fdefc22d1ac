using Clinical.Infrastructure;
using Clinical.Infrastructure.Files;

namespace Clinical.IntegrationTests.Infrastructure.Files;

/// <summary>The PostgreSQL → Parquet type mapping (pure: no database).</summary>
public sealed class FileValueKindsTests
{
    [Theory]
    [InlineData("text", FileValueKind.String)]
    [InlineData("character varying", FileValueKind.String)]
    [InlineData("character varying(255)", FileValueKind.String)]
    [InlineData("jsonb", FileValueKind.String)]
    [InlineData("boolean", FileValueKind.Boolean)]
    [InlineData("integer", FileValueKind.Int32)]
    [InlineData("bigint", FileValueKind.Int64)]
    [InlineData("double precision", FileValueKind.Double)]
    [InlineData("numeric", FileValueKind.Decimal)]
    [InlineData("numeric(10,2)", FileValueKind.Decimal)]
    [InlineData("date", FileValueKind.Date)]
    [InlineData("timestamp", FileValueKind.Timestamp)]
    [InlineData("timestamp without time zone", FileValueKind.Timestamp)]
    [InlineData("bytea", FileValueKind.Binary)]
    public void Of_APostgresType_IsItsParquetKind(string sqlType, FileValueKind expected) => FileValueKinds.Of(sqlType).ShouldBe(expected);

    [Fact]
    public void Of_ATypeNoTableUses_Throws() => Should.Throw<ArgumentException>(() => FileValueKinds.Of("tsvector"));

    [Fact]
    public void Of_EveryColumnOfEveryExportedTable_HasAKind() =>
        FileTable.All(DatabaseSchema.Default).SelectMany(t => t.Columns).ShouldAllBe(c => Enum.IsDefined(c.Kind));

    [Theory]
    [InlineData("numeric(10,2)", 10, 2)]
    [InlineData("numeric(5)", 5, 0)]
    public void DeclaredDecimal_PrecisionAndScale_AreRead(string sqlType, int precision, int scale) =>
        FileValueKinds.DeclaredDecimal(sqlType).ShouldBe((precision, scale));

    [Fact]
    public void DeclaredDecimal_NumericWithoutThem_IsNull() => FileValueKinds.DeclaredDecimal("numeric").ShouldBeNull();

    [Theory]
    [InlineData(3, 7, false, 38, 7)]
    [InlineData(20, 8, false, 38, 8)]
    [InlineData(21, 8, true, 0, 0)]
    public void Undeclared_IntegerDigitsAndScale_GiveDecimal38OrTextWhenTooWide(int digits, int scale, bool asText, int precision, int parquetScale) =>
        DecimalShape.Undeclared(digits, scale).ShouldBe(new DecimalShape(precision, parquetScale, asText));

    [Fact]
    public void Field_TimestampAndDecimal_AreParquetTimestampMicrosAndDecimalOfTheShape()
    {
        var timestamp = ParquetTableWriter.Field(new FileColumn("t", "timestamp"), null).ShouldBeOfType<Parquet.Schema.DateTimeDataField>();
        var number = ParquetTableWriter.Field(new FileColumn("n", "numeric"), new DecimalShape(38, 4, false)).ShouldBeOfType<Parquet.Schema.DecimalDataField>();

        (timestamp.Unit, timestamp.IsAdjustedToUTC).ShouldBe((Parquet.Schema.DateTimeTimeUnit.Micros, false));
        (number.Precision, number.Scale).ShouldBe((38, 4));
    }

    [Fact]
    public void CsvRowCounter_LineBreaksInsideQuotes_AreNotRecords()
    {
        var counter = new CsvRowCounter();

        counter.Add("a,b\n\"x\ny\",\"he said \"\"hi\"\"\n\"\n1,2\n");

        counter.Lines.ShouldBe(3);
    }
}
