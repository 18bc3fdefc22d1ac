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

    [Fact]
    public void Scan_EmptyObjectsArraysAndNulls_RecordsEachWithItsIndexedPath()
    {
        var json = """{"a":{"b":null,"list":[],"items":[{"x":1},{"x":2,"inner":[{}]}]},"top":{}}""";

        var scan = Scanner.Scan(Encoding.UTF8.GetBytes(json));

        scan.UnknownPaths.ShouldBeNull();
        scan.Shape.ShouldNotBeNull().Empty.ShouldBe([("a.b", "null"), ("a.list", "[]"), ("a.items[1].inner[0]", "{}"), ("top", "{}")]);
    }

    [Fact]
    public void Scan_NullElementOfAnArray_RecordsItsIndex()
    {
        var scan = Scanner.Scan("""{"a":{"list":["p",null]}}"""u8);

        scan.Shape.ShouldNotBeNull().Empty.ShouldBe([("a.list[1]", "null")]);
    }

    [Fact]
    public void Scan_IgnoredKeyHoldingAVerbatimCopy_RecordsTheCopy()
    {
        var json = """{"a":{"legacy":[{"x":1},{"x":2}],"items":[{"x":1},{"x":2}]}}""";

        var scan = CopyScanner.Scan(Encoding.UTF8.GetBytes(json));

        scan.DifferingCopies.ShouldBeNull();
        scan.Shape.ShouldNotBeNull().Copies.ShouldBe([("a.legacy", "a.items")]);
    }

    [Fact]
    public void Scan_IgnoredCopyThatDiffers_ReportsItAndRecordsNoCopy()
    {
        var json = """{"a":{"items":[{"x":1},{"x":2}],"legacy":[{"x":1}]}}""";

        var scan = CopyScanner.Scan(Encoding.UTF8.GetBytes(json));

        scan.DifferingCopies.ShouldBe(["a.legacy"]);
        scan.Shape.ShouldBeNull();
    }

    [Fact]
    public void Scan_NothingEmptyNoDrift_FindsNothing()
    {
        var scan = Scanner.Scan("""{"a":{"b":"1","list":["p"]},"top":3}"""u8);

        scan.ShouldBeSameAs(StudyJsonScan.Nothing);
    }

    private static readonly SchemaDriftScanner CopyScanner = new(new FakeSchema(
        stored: ["a.items.x"],
        ignored: ["a.legacy"],
        copied: new Dictionary<string, string> { ["a.legacy"] = "a.items" }));

    private sealed class FakeSchema(IEnumerable<string> stored, IEnumerable<string> ignored, IReadOnlyDictionary<string, string>? copied = null) : IStudySchema
    {
        public IReadOnlyDictionary<string, string> CopiedPaths { get; } = copied ?? new Dictionary<string, string>();

        public IEnumerable<string> StoredPaths { get; } = stored;

        public IEnumerable<string> IgnoredPaths { get; } = ignored;

        public IReadOnlyList<StudyField> Fields { get; } = [.. stored.Select(path => new StudyField(path, StudyValueKind.Text))];
    }
}
