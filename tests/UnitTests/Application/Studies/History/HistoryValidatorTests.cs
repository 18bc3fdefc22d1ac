using Clinical.Application.Studies.History;

namespace Clinical.UnitTests.Application.Studies.History;

public sealed class HistoryValidatorTests
{
    [Fact]
    public void Validate_HistoryOfAnIdThatIsNoNctNumber_FailsNamingIt()
    {
        var result = new GetStudyHistoryQueryValidator().Validate(new GetStudyHistoryQuery(["NCT01234567", "NCT123"]));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("'NCT123' is not an NCT number (NCT + 8 digits).");
    }

    [Fact]
    public void Validate_HistoryOfNoStudy_FailsAskingForOne()
    {
        var result = new GetStudyHistoryQueryValidator().Validate(new GetStudyHistoryQuery([]));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Name at least one study (NCT + 8 digits).");
    }

    [Fact]
    public void Validate_PruneWithNeitherKeepNorBefore_FailsSayingWhatToGive()
    {
        var result = new PruneHistoryCommandValidator().Validate(new PruneHistoryCommand(null, null));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("Say what to prune: --keep N");
    }

    [Fact]
    public void Validate_PruneKeepingANegativeNumber_Fails()
    {
        var result = new PruneHistoryCommandValidator().Validate(new PruneHistoryCommand(-1, null));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("--keep must be 0 or more.");
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(null, true)]
    [InlineData(0, true)]
    public void Validate_PruneWithKeepOrBefore_Passes(int? keep, bool withBefore)
    {
        var result = new PruneHistoryCommandValidator().Validate(new PruneHistoryCommand(keep, withBefore ? new DateOnly(2026, 1, 1) : null));

        result.IsValid.ShouldBeTrue();
    }
}
