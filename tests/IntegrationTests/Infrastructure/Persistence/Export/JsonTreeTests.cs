using System.Text.Json.Nodes;
using Clinical.Infrastructure.Persistence.Export;

namespace Clinical.IntegrationTests.Infrastructure.Persistence.Export;

public sealed class JsonTreeTests
{
    [Fact]
    public void Place_PathThroughMissingObjectsAndArrays_CreatesThemAndPadsWithNulls()
    {
        var root = new JsonObject();

        var placed = JsonTree.Place(root, "a.list[2].names", new JsonArray(), onlyIfAbsent: true);

        placed.ShouldBeTrue();
        root.ToJsonString().ShouldBe("""{"a":{"list":[null,null,{"names":[]}]}}""");
    }

    [Fact]
    public void Place_OnlyIfAbsentWhereAValueIs_KeepsTheValue()
    {
        var root = JsonNode.Parse("""{"a":{"b":"kept","list":["x"]}}""")!.AsObject();

        JsonTree.Place(root, "a.b", null, onlyIfAbsent: true);
        JsonTree.Place(root, "a.list[0]", null, onlyIfAbsent: true);

        root.ToJsonString().ShouldBe("""{"a":{"b":"kept","list":["x"]}}""");
    }

    [Fact]
    public void Place_Replacing_SetsTheValueOverANull()
    {
        var root = JsonNode.Parse("""{"a":{"b":null}}""")!.AsObject();

        JsonTree.Place(root, "a.b", JsonNode.Parse("\"about 40\""), onlyIfAbsent: false);

        root.ToJsonString().ShouldBe("""{"a":{"b":"about 40"}}""");
    }

    [Fact]
    public void Place_PathThroughAValueOfAnotherKind_PlacesNothing()
    {
        var root = JsonNode.Parse("""{"a":"text"}""")!.AsObject();

        var placed = JsonTree.Place(root, "a.b", 1, onlyIfAbsent: false);

        placed.ShouldBeFalse();
        root.ToJsonString().ShouldBe("""{"a":"text"}""");
    }

    [Fact]
    public void Find_IndexedPath_ReturnsTheNodeOrNull()
    {
        var root = JsonNode.Parse("""{"a":{"list":[{"x":1},{"x":2}]}}""")!.AsObject();

        JsonTree.Find(root, "a.list[1].x")!.GetValue<int>().ShouldBe(2);
        JsonTree.Find(root, "a.list[2].x").ShouldBeNull();
        JsonTree.Find(root, "a.missing").ShouldBeNull();
    }
}
