using Clinical.Application.Runs.GetRecentRuns;

namespace Clinical.UnitTests.Application.Runs.GetRecentRuns;

public sealed class GetRecentRunsQueryValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(GetRecentRunsQuery.MaxLast + 1)]
    public void Validate_LastOutOfRange_FailsNamingTheOption(int last)
    {
        var result = new GetRecentRunsQueryValidator().Validate(new GetRecentRunsQuery(last));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("--last must be between 1 and");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(GetRecentRunsQuery.DefaultLast)]
    [InlineData(GetRecentRunsQuery.MaxLast)]
    public void Validate_LastInRange_Passes(int last)
    {
        var result = new GetRecentRunsQueryValidator().Validate(new GetRecentRunsQuery(last));

        result.IsValid.ShouldBeTrue();
    }
}
