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
    [InlineData("1,234,567", "1234567")]
    [InlineData("-1,234", "-1234")]
    [InlineData("999,000.25", "999000.25")]
    [InlineData("1.5e+2", "150")]
    [InlineData("−0.5", "-0.5")] // typographic minus
    [InlineData("−1,500", "-1500")]
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
    [InlineData("<−0.5", "<", "-0.5")]
    [InlineData("≤1e-3", "<=", "0.001")]
    [InlineData(">= 20,200", ">=", "20200")]
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
    [InlineData("0,5")] // a decimal comma: never read as 5
    [InlineData("12,34")] // never read as 1234
    [InlineData("0,500")] // a first group starting with 0 is a decimal comma, not 500
    [InlineData("1,2345")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    [InlineData("1,,234")]
    [InlineData("1,234,56")]
    [InlineData("1.234,5")] // European grouping
    [InlineData("1,234.5,6")]
    [InlineData("1 234")]
    [InlineData("1e5,000")]
    [InlineData("--5")]
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
