using Clinical.Application.Samples;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Samples;

public sealed class WriteSampleCommandValidatorTests
{
    private readonly WriteSampleCommandValidator _validator = new(new MemoryOutputFiles());

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    [InlineData(9_999_999)]
    public void Validate_StudiesWithinRange_IsValid(int studies)
    {
        // Arrange
        var command = new WriteSampleCommand(studies, 1, WriteSampleCommand.StandardOutput);

        // Act
        var result = _validator.Validate(command);

        // Assert
        result.IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_000)]
    public void Validate_StudiesOutOfRange_FailsNamingTheBounds(int studies)
    {
        // Arrange
        var command = new WriteSampleCommand(studies, 1, WriteSampleCommand.StandardOutput);

        // Act
        var result = _validator.Validate(command);

        // Assert
        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("--studies must be between 1 and 9,999,999.");
    }

    [Fact]
    public void Validate_EmptyOutput_Fails()
    {
        // Arrange
        var command = new WriteSampleCommand(10, 1, string.Empty);

        // Act
        var result = _validator.Validate(command);

        // Assert
        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(WriteSampleCommand.Output));
    }

    [Fact]
    public void Validate_OutputInAMissingFolder_FailsNamingIt()
    {
        // Arrange
        const string path = MemoryOutputFiles.MissingFolder + "sample.json";
        var command = new WriteSampleCommand(10, 1, path);

        // Act
        var result = _validator.Validate(command);

        // Assert
        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain(path);
    }

    [Fact]
    public void Validate_OutputInAnExistingFolder_IsValid()
    {
        // Arrange
        var command = new WriteSampleCommand(10, 1, "sample.json");

        // Act
        var result = _validator.Validate(command);

        // Assert
        result.IsValid.ShouldBeTrue();
    }
}
