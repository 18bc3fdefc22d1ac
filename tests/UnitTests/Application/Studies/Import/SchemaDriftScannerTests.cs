using System.Text;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.Application.Studies.Import;

public sealed class SchemaDriftScannerTests
{
    private static readonly SchemaDriftScanner Scanner = new(new FakeSchema(
        stored: ["a.b", "a.list", "a.items.x", "a.items.inner.y", "top"],
        ignored: ["a.legacy"]));

    [Fact]
    public void FindUnknownPaths_OnlyKnownPaths_ReturnsNull()
    {
        var json = """{"a":{"b":"1","list":["p","q"],"items":[{"x":1,"inner":[{"y":true}]},{"x":2}]},"top":3}""";

        var unknown = Scanner.FindUnknownPaths(Encoding.UTF8.GetBytes(json));

        unknown.ShouldBeNull();
    }

    [Fact]
    public void FindUnknownPaths_NewFieldsAtSeveralDepths_ReportsEachPathOnceWithoutArrayIndices()
    {
        var json = """{"a":{"b":"1","c":{"deep":1},"items":[{"x":1,"z":1},{"x":2,"z":2,"inner":[{"y":1,"w":[1]}]}]},"newTop":[]}""";

        var unknown = Scanner.FindUnknownPaths(Encoding.UTF8.GetBytes(json));

        unknown.ShouldNotBeNull();
        unknown.ShouldBe(["a.c", "a.items.z", "a.items.inner.w", "newTop"], ignoreOrder: true);
    }

    [Fact]
    public void FindUnknownPaths_IgnoredSubtree_IsNotReported()
    {
        var json = """{"a":{"legacy":[{"anything":{"at":"all"}}],"b":"1"}}""";

        var unknown = Scanner.FindUnknownPaths(Encoding.UTF8.GetBytes(json));

        unknown.ShouldBeNull();
    }

    [Fact]
    public void FindUnknownPaths_BrokenJson_DoesNotThrow()
    {
        var unknown = Scanner.FindUnknownPaths("""{"a":{"b":"1","zz":"""u8);

        unknown.ShouldBe(["a.zz"]);
    }

    private sealed class FakeSchema(IEnumerable<string> stored, IEnumerable<string> ignored) : IStudySchema
    {
        public IEnumerable<string> StoredPaths { get; } = stored;

        public IEnumerable<string> IgnoredPaths { get; } = ignored;

        public IReadOnlyList<StudyField> Fields { get; } = [.. stored.Select(path => new StudyField(path, StudyValueKind.Text))];
    }
}
