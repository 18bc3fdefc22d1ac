using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class AgeTests
{
    [Fact]
    public void Parse_EighteenYears_NumberUnitAndYears()
    {
        var age = Age.Parse("18 Years");

        age.IsParsed.ShouldBeTrue();
        age.Number.ShouldBe(18m);
        age.Unit.ShouldBe(TimeUnit.Year);
        age.Years.ShouldBe(18m);
        age.Raw.ShouldBe("18 Years");
    }

    [Fact]
    public void Parse_SingularUnit_Parsed()
    {
        var age = Age.Parse("1 Year");

        age.Number.ShouldBe(1m);
        age.Unit.ShouldBe(TimeUnit.Year);
        age.Years.ShouldBe(1m);
    }

    [Fact]
    public void Parse_SixMonths_HalfAYear()
    {
        var age = Age.Parse("6 Months");

        age.Number.ShouldBe(6m);
        age.Unit.ShouldBe(TimeUnit.Month);
        age.Years.ShouldBe(0.5m); // 6 of 12 months
    }

    [Fact]
    public void Parse_ThirtyDays_DaysOverJulianYear()
    {
        var age = Age.Parse("30 Days");

        age.Number.ShouldBe(30m);
        age.Unit.ShouldBe(TimeUnit.Day);
        age.Years.ShouldBe(0.08213552m); // 30 / 365.25 = 0.082135523..., rounded to 8 places
    }

    [Fact]
    public void Parse_TwoWeeks_WeeksOverJulianYear()
    {
        var age = Age.Parse("2 Weeks");

        age.Number.ShouldBe(2m);
        age.Unit.ShouldBe(TimeUnit.Week);
        age.Years.ShouldBe(0.03832991m); // 14 / 365.25 = 0.038329911..., rounded to 8 places
    }

    [Fact]
    public void Parse_EighteenMinutes_MinuteUnit()
    {
        var age = Age.Parse("18 Minutes");

        age.IsParsed.ShouldBeTrue();
        age.Number.ShouldBe(18m);
        age.Unit.ShouldBe(TimeUnit.Minute);
        age.Years.ShouldBe(0.00003422m); // 18 / (365.25 * 24 * 60) = 0.0000342231..., rounded to 8 places
    }

    [Fact]
    public void Parse_Hours_HourUnit()
    {
        var age = Age.Parse("12 Hours");

        age.Number.ShouldBe(12m);
        age.Unit.ShouldBe(TimeUnit.Hour);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("Years 18")]
    [InlineData("18")]
    [InlineData("18 Fortnights")]
    [InlineData("eighteen Years")]
    [InlineData("")]
    public void Parse_NotNumberAndUnit_UnparsedWithRawKept(string raw)
    {
        var age = Age.Parse(raw);

        age.IsParsed.ShouldBeFalse();
        age.Number.ShouldBeNull();
        age.Unit.ShouldBeNull();
        age.Years.ShouldBeNull();
        age.Raw.ShouldBe(raw);
        age.ToString().ShouldBe(raw);
    }
}
