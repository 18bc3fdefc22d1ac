using Clinical.Application.Studies.Export;

namespace Clinical.UnitTests.Application.Studies.Export;

public sealed class ExportFormatsTests
{
    [Fact]
    public void NameAndParse_EveryFormat_GoThereAndBack()
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            ExportFormats.Parse(format.Name()).ShouldBe(format);
        }

        ExportFormats.Names.ShouldBe(["json", "ndjson", "parquet", "csv", "duckdb"]);
    }

    [Theory]
    [InlineData("DuckDB", ExportFormat.DuckDb)]
    [InlineData("JSON", ExportFormat.Array)]
    public void Parse_AnyCase_IsTheFormat(string name, ExportFormat expected) => ExportFormats.Parse(name).ShouldBe(expected);

    [Theory]
    [InlineData("xml")]
    [InlineData("")]
    public void Parse_AnUnknownName_IsNull(string name) => ExportFormats.Parse(name).ShouldBeNull();
}
