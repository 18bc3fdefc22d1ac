using Clinical.Domain.Common;
using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class NctIdTests
{
    [Fact]
    public void TryParse_NctAndEightDigits_ReturnsTrueWithValue()
    {
        var ok = NctId.TryParse("NCT01234567", out var id);

        ok.ShouldBeTrue();
        id.Value.ShouldBe("NCT01234567");
        id.ToString().ShouldBe("NCT01234567");
    }

    [Fact]
    public void Parse_NctAndEightDigits_ReturnsSameValueAsTryParse()
    {
        var id = NctId.Parse("NCT00000410");

        NctId.TryParse("NCT00000410", out var other).ShouldBeTrue();
        id.ShouldBe(other);
    }

    [Theory]
    [InlineData("nct01234567")] // lowercase prefix
    [InlineData("Nct01234567")]
    [InlineData("NCT0123456")] // 7 digits
    [InlineData("NCT012345678")] // 9 digits
    [InlineData("NCT0123456A")] // letter in place of a digit
    [InlineData("ABC01234567")] // wrong prefix
    [InlineData("NCT 1234567")] // 11 characters, but a space among the digits
    [InlineData("NCT0123456\u0667")] // Arabic-Indic seven: a digit, but not an ASCII digit
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" NCT01234567")] // untrimmed
    [InlineData("NCT01234567 ")]
    public void IsValid_NotNctAndEightAsciiDigits_ReturnsFalse(string value)
    {
        var valid = NctId.IsValid(value);
        var parsed = NctId.TryParse(value, out var id);

        valid.ShouldBeFalse();
        parsed.ShouldBeFalse();
        id.ShouldBe(default);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        var parsed = NctId.TryParse(null, out var id);

        parsed.ShouldBeFalse();
        id.Value.ShouldBeNull();
    }

    [Theory]
    [InlineData("NCT123")]
    [InlineData("nct01234567")]
    [InlineData("NCT0123456789")]
    public void Parse_Invalid_ThrowsDomainExceptionNamingTheValue(string value)
    {
        Action act = () => NctId.Parse(value);

        var ex = act.ShouldThrow<DomainException>();
        ex.Message.ShouldContain($"'{value}'");
    }
}
