using System.Text.Json;
using Clinical.Application.Studies.History;

namespace Clinical.UnitTests.Application.Studies.History;

public sealed class JsonDiffTests
{
    [Fact]
    public void Compare_StatusChanged_GivesThePathWithOldAndNewValue()
    {
        var changes = Diff(
            """{"protocolSection":{"statusModule":{"overallStatus":"RECRUITING","startDateStruct":{"date":"2020-01"}}}}""",
            """{"protocolSection":{"statusModule":{"startDateStruct":{"date":"2020-01"},"overallStatus":"TERMINATED"}}}""");

        changes.Select(c => c.ToString()).ShouldBe(["protocolSection.statusModule.overallStatus: RECRUITING → TERMINATED"]);
    }

    [Fact]
    public void Compare_SameContentInAnotherKeyOrder_GivesNoChange()
    {
        var changes = Diff("""{"a":1,"b":[1,{"c":"x","d":null}]}""", """{"b":[1,{"d":null,"c":"x"}],"a":1}""");

        changes.ShouldBeEmpty();
    }

    [Fact]
    public void Compare_ElementRemovedFromTheMiddle_GivesOneRemovalAtItsOldIndex()
    {
        var changes = Diff(
            """{"locations":[{"city":"Oslo"},{"city":"Lyon"},{"city":"Graz"},{"city":"Pisa"}]}""",
            """{"locations":[{"city":"Oslo"},{"city":"Graz"},{"city":"Pisa"}]}""");

        var change = changes.ShouldHaveSingleItem();
        change.Path.ShouldBe("locations[1]");
        change.New.ShouldBeNull();
        change.ToString().ShouldBe("""locations[1]: {"city":"Lyon"} → (absent)""");
    }

    [Fact]
    public void Compare_ElementChangedInPlace_GivesThePathInsideIt()
    {
        var changes = Diff(
            """{"outcomes":[{"measure":"A","timeFrame":"1 year"},{"measure":"B"}]}""",
            """{"outcomes":[{"measure":"A2","timeFrame":"1 year"},{"measure":"B"}]}""");

        changes.Select(c => c.ToString()).ShouldBe(["outcomes[0].measure: A → A2"]);
    }

    [Fact]
    public void Compare_KeyAddedAndKeyRemoved_GivesAbsentOnTheMissingSide()
    {
        var changes = Diff("""{"a":"x","b":2}""", """{"b":2,"c":[1,2]}""");

        changes.Select(c => c.ToString()).ShouldBe(["a: x → (absent)", "c: (absent) → [1,2]"]);
    }

    [Fact]
    public void Compare_NumberSpelledDifferently_IsAChange()
    {
        var changes = Diff("""{"value":1.50}""", """{"value":1.5}""");

        changes.Select(c => c.ToString()).ShouldBe(["value: 1.50 → 1.5"]);
    }

    [Fact]
    public void Compare_ElementsAppended_GivesAdditionsAtTheirNewIndexes()
    {
        var changes = Diff("""{"ids":["a","b"]}""", """{"ids":["a","b","c","d"]}""");

        changes.Select(c => c.ToString()).ShouldBe(["ids[2]: (absent) → c", "ids[3]: (absent) → d"]);
    }

    private static IReadOnlyList<JsonChange> Diff(string old, string @new)
    {
        using var before = JsonDocument.Parse(old);
        using var after = JsonDocument.Parse(@new);
        return JsonDiff.Compare(before.RootElement, after.RootElement);
    }
}
