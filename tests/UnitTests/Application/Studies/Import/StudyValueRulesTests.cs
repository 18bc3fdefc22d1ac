using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Application.Studies.Import;

public class StudyValueRulesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("12.5")]
    [InlineData(".17")]
    [InlineData("-.90")]
    [InlineData("20,200")]
    [InlineData("1,234,567.5")]
    [InlineData("0,5")]
    [InlineData("12,34")]
    [InlineData("0,500")]
    [InlineData("−0.5")]
    [InlineData("<=5")]
    [InlineData(">=5")]
    [InlineData("≤5")]
    [InlineData("≥5")]
    [InlineData("1,,2")]
    [InlineData(",5")]
    [InlineData("5.")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData(" 7 ")]
    [InlineData("1e5")]
    [InlineData("1.2.3")]
    [InlineData("<0.001")]
    [InlineData("NA")]
    [InlineData(" NA")]
    [InlineData("na")]
    [InlineData("N/A")]
    [InlineData("1234567890123456789012345678")]
    [InlineData("12345678901234567890123456789")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("99999999999999999999999999999999")]
    public void IsResultNumber_AnyText_TrueExactlyWhenResultValueReadsANumberOrItIsNa(string value)
    {
        var parsed = ResultValue.Parse(value);
        var expected = parsed.Number is not null || value.Trim() == StudyValueRules.NotAvailable;

        var actual = StudyValueRules.IsResultNumber(parsed);

        actual.ShouldBe(expected);
    }

    [Theory]
    [InlineData(StudyValueKind.Code, StudyValueRules.UnknownCode)]
    [InlineData(StudyValueKind.Date, StudyValueRules.UnreadableDate)]
    [InlineData(StudyValueKind.PartialDate, StudyValueRules.UnreadableDate)]
    [InlineData(StudyValueKind.Timestamp, StudyValueRules.UnreadableDate)]
    [InlineData(StudyValueKind.Age, StudyValueRules.UnreadableAge)]
    [InlineData(StudyValueKind.ResultNumber, StudyValueRules.UnparsedNumber)]
    public void ErrorCode_KindWithARule_ItsWarningCode(StudyValueKind kind, string expected)
    {
        var code = StudyValueRules.ErrorCode(kind);

        code.ShouldBe(expected);
        StudyValueRules.HasRule(kind).ShouldBeTrue();
    }

    [Theory]
    [InlineData(StudyValueKind.Text)]
    [InlineData(StudyValueKind.Boolean)]
    [InlineData(StudyValueKind.Integer)]
    [InlineData(StudyValueKind.Number)]
    public void HasRule_KindSystemTextJsonAlreadyRead_False(StudyValueKind kind)
    {
        var hasRule = StudyValueRules.HasRule(kind);

        hasRule.ShouldBeFalse();
    }
}
