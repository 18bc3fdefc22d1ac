using System.Text;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.Application.Studies.Import;

public sealed class StudyJsonShapeTests
{
    [Fact]
    public void ToUtf8Json_EmptiesAndCopies_WritesThemUnderTheirKeys()
    {
        var shape = new StudyJsonShape();
        shape.AddEmpty("derivedSection.interventionBrowseModule", StudyJsonShape.EmptyObject);
        shape.AddEmpty("a.list[2].names", StudyJsonShape.EmptyArray);
        shape.AddEmpty("a.b", StudyJsonShape.Null);
        shape.AddCopy("a.legacy", "a.items");

        var json = Encoding.UTF8.GetString(shape.ToUtf8Json());

        json.ShouldBe("""{"empty":{"derivedSection.interventionBrowseModule":{},"a.list[2].names":[],"a.b":null},"copies":{"a.legacy":"a.items"}}""");
    }

    [Fact]
    public void ToUtf8Json_OnlyEmpties_LeavesCopiesOut()
    {
        var shape = new StudyJsonShape();
        shape.AddEmpty("top", StudyJsonShape.EmptyObject);

        var json = Encoding.UTF8.GetString(shape.ToUtf8Json());

        json.ShouldBe("""{"empty":{"top":{}}}""");
    }
}
