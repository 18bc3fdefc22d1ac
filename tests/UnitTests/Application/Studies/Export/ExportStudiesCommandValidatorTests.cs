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
}
