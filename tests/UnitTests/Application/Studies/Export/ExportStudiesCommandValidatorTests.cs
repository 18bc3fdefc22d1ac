using Clinical.Application.Studies.Export;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Export;

public sealed class ExportStudiesCommandValidatorTests
{
    private readonly ExportStudiesCommandValidator _validator = new(new MemoryOutputFiles());

    [Fact]
    public void Validate_NctIdsAndAWhere_IsValid()
    {
        var command = new ExportStudiesCommand(new ExportSelection(["NCT00000410", "NCT05819710"], "s.enrollment > 10", false), ExportFormat.Array, "-");

        var result = _validator.Validate(command);

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_MalformedNctId_NamesIt()
    {
        var command = new ExportStudiesCommand(new ExportSelection(["NCT123"], null, false), ExportFormat.Array, "-");

        var result = _validator.Validate(command);

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("--nct NCT123: not an NCT number (NCT followed by 8 digits).");
    }

    [Fact]
    public void Validate_OutputInAMissingFolder_SaysSo()
    {
        const string output = MemoryOutputFiles.MissingFolder + "out.json";
        var command = new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, output);

        var result = _validator.Validate(command);

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe($"The folder of '{output}' does not exist.");
    }

    [Theory]
    [InlineData(ExportFormat.Parquet, "--format parquet writes a folder of files: name it with --output DIR (standard output cannot hold it).")]
    [InlineData(ExportFormat.Csv, "--format csv writes a folder of files: name it with --output DIR (standard output cannot hold it).")]
    [InlineData(ExportFormat.DuckDb, "--format duckdb writes a database file: name it with --output FILE.duckdb (standard output cannot hold it).")]
    public void Validate_TableFormatToStandardOutput_SaysToNameAnOutput(ExportFormat format, string expected)
    {
        var command = new ExportStudiesCommand(ExportSelection.All, format, "-");

        var result = _validator.Validate(command);

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(expected);
    }

    [Theory]
    [InlineData(ExportFormat.Parquet)]
    [InlineData(ExportFormat.Array)]
    public void Validate_GzipWithAFormatOtherThanCsv_SaysItIsForCsv(ExportFormat format)
    {
        var command = new ExportStudiesCommand(ExportSelection.All, format, "out", Gzip: true);

        var result = _validator.Validate(command);

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("--gzip applies to --format csv only.");
    }

    [Fact]
    public void Validate_AsOfWithATableFormat_IsRefusedWithTheReason()
    {
        var command = new ExportStudiesCommand(new ExportSelection([], null, false, new DateOnly(2025, 1, 1)), ExportFormat.DuckDb, "x.duckdb");

        var result = _validator.Validate(command);

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("--as-of applies to the JSON formats only: --format duckdb writes the tables as stored now");
    }

    [Fact]
    public void Validate_CsvGzipToAFolderWithASelection_IsValid()
    {
        var command = new ExportStudiesCommand(new ExportSelection(["NCT00000410"], "s.enrollment > 10", true), ExportFormat.Csv, "out", Gzip: true);

        var result = _validator.Validate(command);

        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("ctgov.duckdb", "ctgov")]
    [InlineData("/tmp/out/Registry.duckdb", "Registry")]
    [InlineData("main.db", "main")]
    public void Validate_DuckDbFileNamedLikeASchema_IsRefusedBecauseDuckDbNamesTheDatabaseAfterIt(string output, string name)
    {
        var command = new ExportStudiesCommand(new ExportSelection([], null, false), ExportFormat.DuckDb, output);

        var result = _validator.Validate(command);

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(
            $"--output {output}: DuckDB names the database after its file, so '{name}' would be both the database and a schema and '{name}.studies' could not be told apart; name the file otherwise, e.g. aact.duckdb.");
    }

    [Theory]
    [InlineData("aact.duckdb")]
    [InlineData("ctgov-2026.duckdb")]
    public void Validate_DuckDbFileNamedOtherwise_IsValid(string output)
    {
        _validator.Validate(new ExportStudiesCommand(new ExportSelection([], null, false), ExportFormat.DuckDb, output)).IsValid.ShouldBeTrue();
    }
}
