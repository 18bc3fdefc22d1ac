using Clinical.Domain.Studies;

namespace Clinical.UnitTests.Domain.Studies;

public class LocalTimestampTests
{
    [Fact]
    public void Parse_DateAndMinute_ValueWithUnspecifiedKind()
    {
        var timestamp = LocalTimestamp.Parse("2021-03-15T14:02");

        timestamp.Value.ShouldBe(new DateTime(2021, 3, 15, 14, 2, 0));
        timestamp.Value!.Value.Kind.ShouldBe(DateTimeKind.Unspecified);
        timestamp.Raw.ShouldBe("2021-03-15T14:02");
    }

    [Fact]
    public void Parse_WithSeconds_ValueWithSeconds()
    {
        var timestamp = LocalTimestamp.Parse("2021-03-15T14:02:33");

        timestamp.Value.ShouldBe(new DateTime(2021, 3, 15, 14, 2, 33));
        timestamp.Value!.Value.Kind.ShouldBe(DateTimeKind.Unspecified);
    }

    [Fact]
    public void Parse_EveryHourAndMinuteNumberOfThreeDays_AgreesWithTheExactFormats()
    {
        foreach (var date in new[] { "2024-02-29", "2023-02-29", "2021-12-31" })
        {
            for (var hour = 0; hour <= 25; hour++)
            {
                for (var minute = 0; minute <= 61; minute++)
                {
                    var raw = $"{date}T{hour:D2}:{minute:D2}";
                    var exact = DateTime.TryParseExact(raw, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var expected);

                    LocalTimestamp.Parse(raw).Value.ShouldBe(exact ? expected : null, raw);
                }
            }
        }
    }

    [Theory]
    [InlineData("2021-03-15T1:002")]
    [InlineData("2021-03-15T-1:00")]
    [InlineData("2021-03-15 14:02")]
    [InlineData("yesterday")]
    [InlineData("2021-03-15T25:00")]
    [InlineData("2021-02-30T10:00")]
    [InlineData("15/03/2021 14:02")]
    [InlineData("")]
    public void Parse_Garbage_NullValueWithRawKept(string raw)
    {
        var timestamp = LocalTimestamp.Parse(raw);

        timestamp.Value.ShouldBeNull();
        timestamp.Raw.ShouldBe(raw);
        timestamp.ToString().ShouldBe(raw);
    }
}
