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

    [Theory]
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
