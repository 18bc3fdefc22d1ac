using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class PartialDateTests
{
    [Fact]
    public void Parse_Year_YearPrecisionStartingOnJanuaryFirst()
    {
        var date = PartialDate.Parse("2021");

        date.Precision.ShouldBe(DatePrecision.Year);
        date.FirstDay.ShouldBe(new DateOnly(2021, 1, 1));
        date.IsParsed.ShouldBeTrue();
        date.Raw.ShouldBe("2021");
    }

    [Theory]
    [InlineData("2021-03", 2021, 3)]
    [InlineData("2021-02", 2021, 2)] // a short month: AACT would say the 28th
    [InlineData("2020-12", 2020, 12)]
    public void Parse_YearMonth_MonthPrecisionStartingOnTheFirstOfTheMonth(string raw, int year, int month)
    {
        var date = PartialDate.Parse(raw);

        date.Precision.ShouldBe(DatePrecision.Month);
        date.FirstDay.ShouldBe(new DateOnly(year, month, 1));
        date.FirstDay!.Value.Day.ShouldBe(1);
        date.Raw.ShouldBe(raw);
    }

    [Theory]
    [InlineData("2021-03-15", 2021, 3, 15)]
    [InlineData("2024-02-29", 2024, 2, 29)] // leap day
    [InlineData("1999-12-31", 1999, 12, 31)]
    public void Parse_FullDate_DayPrecision(string raw, int year, int month, int day)
    {
        var date = PartialDate.Parse(raw);

        date.Precision.ShouldBe(DatePrecision.Day);
        date.FirstDay.ShouldBe(new DateOnly(year, month, day));
        date.Raw.ShouldBe(raw);
    }

    [Fact]
    public void Parse_EveryMonthAndDayNumberOfSixYears_AgreesWithTheExactFormat()
    {
        foreach (var year in new[] { 1, 1900, 2000, 2023, 2024, 9999 })
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var raw = $"{year:D4}-{month:D2}-{day:D2}";
                    var exact = DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expected);

                    var date = PartialDate.Parse(raw);

                    date.Precision.ShouldBe(exact ? DatePrecision.Day : DatePrecision.Unparsed, raw);
                    date.FirstDay.ShouldBe(exact ? expected : null, raw);
                }
            }
        }
    }

    [Theory]
    [InlineData("2021-13")] // no 13th month
    [InlineData("2021-00")]
    [InlineData("2021-02-30")] // no February 30th
    [InlineData("2021-04-31")]
    [InlineData("2021-03-00")]
    [InlineData("2021-03-32")]
    [InlineData("0000-03-15")]
    [InlineData("2021-+3-15")]
    [InlineData("2021-03-1x")]
    [InlineData("2021_03_15")]
    [InlineData("2023-02-29")] // not a leap year
    [InlineData("21-03")]
    [InlineData("2021-3")]
    [InlineData("March 2021")]
    [InlineData("0000")] // year 0 does not exist
    [InlineData("+021")]
    [InlineData(" 2021")]
    [InlineData("2021/03/15")]
    [InlineData("")]
    public void Parse_NotARegistryDate_UnparsedWithRawKept(string raw)
    {
        var date = PartialDate.Parse(raw);

        date.Precision.ShouldBe(DatePrecision.Unparsed);
        date.IsParsed.ShouldBeFalse();
        date.FirstDay.ShouldBeNull();
        date.Raw.ShouldBe(raw);
        date.ToString().ShouldBe(raw);
    }
}
