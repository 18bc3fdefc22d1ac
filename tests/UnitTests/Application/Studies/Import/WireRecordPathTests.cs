using System.Text.Json.Serialization;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.Application.Studies.Import;

public class WireRecordPathTests
{
    [Fact]
    public void Resolve_PathThroughArrays_StepsWithItemTypes()
    {
        var path = "protocolSection.contactsLocationsModule.locations.contacts.role";

        var steps = WireRecordPath.Resolve(typeof(StudyRecord), path);

        steps.Select(s => s.JsonName).ShouldBe(path.Split('.'));
        steps.Select(s => s.IsList).ShouldBe([false, false, true, true, false]);
        steps[2].ElementType.ShouldBe(typeof(LocationRecord));
        steps[3].ElementType.ShouldBe(typeof(ContactRecord));
        steps[^1].ValueType.ShouldBe(typeof(string));
    }

    [Fact]
    public void Resolve_ListOfText_LastStepIsAListOfString()
    {
        var steps = WireRecordPath.Resolve(typeof(StudyRecord), "protocolSection.designModule.phases");

        steps[^1].ElementType.ShouldBe(typeof(string));
    }

    [Fact]
    public void Resolve_NameWithLeadingCapitals_UsesTheCamelCasePolicy()
    {
        var steps = WireRecordPath.Resolve(typeof(StudyRecord), "protocolSection.designModule.nPtrsToThisExpAccNctId");

        steps[^1].Property.Name.ShouldBe(nameof(DesignModuleRecord.NPtrsToThisExpAccNctId));
    }

    [Fact]
    public void Resolve_JsonPropertyNameAttribute_WinsOverTheCamelCaseName()
    {
        var steps = WireRecordPath.Resolve(typeof(Renamed), "@id");

        steps.ShouldHaveSingleItem().Property.Name.ShouldBe(nameof(Renamed.Identifier));
        Should.Throw<InvalidOperationException>(() => WireRecordPath.Resolve(typeof(Renamed), "identifier"));
    }

    [Fact]
    public void Resolve_PascalCaseSegment_Throws()
    {
        var exception = Should.Throw<InvalidOperationException>(() => WireRecordPath.Resolve(typeof(StudyRecord), "ProtocolSection"));

        exception.Message.ShouldContain("StudyRecord has no property whose JSON name is 'ProtocolSection'");
    }

    private sealed record Renamed
    {
        [JsonPropertyName("@id")]
        public string? Identifier { get; init; }
    }
}
