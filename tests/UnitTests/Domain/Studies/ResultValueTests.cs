using System.Globalization;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class ResultValueTests
{
    [Theory]
    [InlineData("20,200", "20200")] // thousands separator
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData(".17", "0.17")] // no leading zero
    [InlineData("-.90", "-0.90")]
    [InlineData("42", "42")]
    [InlineData("1e-5", "0.00001")]
    [InlineData("2.5E3", "2500")]
    [InlineData(" 12 ", "12")] // surrounding blanks
    public void Parse_Number_NumberWithoutQualifier(string raw, string expected)
    {
        var value = ResultValue.Parse(raw);

        value.Number.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
        value.Qualifier.ShouldBeNull();
        value.Raw.ShouldBe(raw);
    }

    [Theory]
    [InlineData("<0.001", "<", "0.001")]
    [InlineData("=0.247", "=", "0.247")]
    [InlineData(">=10", ">=", "10")]
    [InlineData("<=0.05", "<=", "0.05")]
    [InlineData("≤ 0.05", "<=", "0.05")] // Unicode comparison, normalised
    [InlineData("≥10", ">=", "10")]
    [InlineData("> 0.05", ">", "0.05")]
    [InlineData("<.001", "<", "0.001")]
    public void Parse_QualifiedNumber_QualifierAndNumber(string raw, string qualifier, string expected)
    {
        var value = ResultValue.Parse(raw);

        value.Qualifier.ShouldBe(qualifier);
        value.Number.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
        value.Raw.ShouldBe(raw);
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("not estimable")]
    [InlineData("")]
    public void Parse_NotANumber_NullNumberWithRawKept(string raw)
    {
        var value = ResultValue.Parse(raw);

        value.Number.ShouldBeNull();
        value.Qualifier.ShouldBeNull();
        value.Raw.ShouldBe(raw);
        value.ToString().ShouldBe(raw);
    }

    [Fact]
    public void Parse_QualifierWithoutNumber_KeepsQualifierAndNullNumber()
    {
        var value = ResultValue.Parse("<NA");

        value.Qualifier.ShouldBe("<");
        value.Number.ShouldBeNull();
        value.Raw.ShouldBe("<NA");
    }
}
