using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

/// <summary>
/// The decoder's one pass over a study. Salvage: a value the wire record cannot hold is nulled with a finding that keeps
/// its exact raw JSON text and indexed path; the rest of the study is read as usual. Only a study without a usable NCT
/// number, a syntax error or a root that is not an object fails. On the same pass: the paths the schema lacks (drift), the
/// shape no column holds (empty objects and arrays, nulls, verbatim copies under ignored keys) and U+0000.
/// </summary>
public sealed class StudyDecoderTests
{
    private const string Id = "\"identificationModule\":{\"nctId\":\"NCT01234567\",\"briefTitle\":\"Aspirin\"}";

    private readonly StudyDecoder _decoder = new();

    [Fact]
    public void Parse_GoodStudy_ReadByTheFastPathWithoutSalvage()
    {
        var result = Parse(Protocol("\"designModule\":{\"enrollmentInfo\":{\"count\":12}}"));

        var record = result.Record.ShouldNotBeNull();
        record.ProtocolSection!.DesignModule!.EnrollmentInfo!.Count.ShouldBe(12);
        result.Salvaged.ShouldBeNull();
        result.Shape.ShouldBeNull();
        result.UnknownPaths.ShouldBeNull();
    }

    [Fact]
    public void Parse_NullElementsInListsOfObjectsAndTexts_BecomeEmptyElementsWithFindingsAndTheOthersKeepTheirPlaces()
    {
        var result = Parse(Protocol(
            "\"conditionsModule\":{\"conditions\":[null,\"Asthma\"],\"keywords\":null},"
                + "\"contactsLocationsModule\":{\"locations\":[{\"city\":\"Oslo\"},null]},\"statusModule\":{\"whyStopped\":null}"));

        var record = result.Record.ShouldNotBeNull();
        record.ProtocolSection!.ConditionsModule!.Conditions.ShouldBe(["", "Asthma"]);
        record.ProtocolSection.ConditionsModule.Keywords.ShouldBeNull();
        record.ProtocolSection.ContactsLocationsModule!.Locations!.Select(l => l!.City).ShouldBe(["Oslo", null]);
        result.Salvaged.ShouldNotBeNull().Select(f => (f.Rule, f.JsonPath, f.Value)).ShouldBe(
        [
            (SalvageRules.WrongType, "protocolSection.conditionsModule.conditions[0]", "null"),
            (SalvageRules.WrongType, "protocolSection.contactsLocationsModule.locations[1]", "null"),
        ]);
        result.Salvaged![0].Message.ShouldStartWith("Expected a string in the list, found null.");
    }

    [Fact]
    public void Parse_TheWordNullOnlyInsideAText_ReadByTheFastPathWithoutSalvage()
    {
        var result = Parse(Protocol("\"statusModule\":{\"whyStopped\":\"the null hypothesis held\"}"));

        result.Record.ShouldNotBeNull().ProtocolSection!.StatusModule!.WhyStopped.ShouldBe("the null hypothesis held");
        result.Salvaged.ShouldBeNull();
    }

    [Fact]
    public void Parse_EnrollmentCountIsAString_LoadedWithNullCountAndWrongTypeFinding()
    {
        var result = Parse(Protocol("\"designModule\":{\"enrollmentInfo\":{\"count\":\"many\",\"type\":\"ACTUAL\"}}"));

        var record = result.Record.ShouldNotBeNull();
        record.ProtocolSection!.DesignModule!.EnrollmentInfo!.Count.ShouldBeNull();
        record.ProtocolSection.DesignModule.EnrollmentInfo.Type.ShouldBe("ACTUAL");
        record.ProtocolSection.IdentificationModule!.BriefTitle.ShouldBe("Aspirin");
        var finding = result.Salvaged.ShouldNotBeNull().ShouldHaveSingleItem();
        finding.Rule.ShouldBe(SalvageRules.WrongType);
        finding.JsonPath.ShouldBe("protocolSection.designModule.enrollmentInfo.count");
        finding.Value.ShouldBe("\"many\"");
        finding.Message.ShouldStartWith("Expected a whole number, found a string.");
    }

    [Theory]
    [InlineData("\"designModule\":{\"enrollmentInfo\":\"many\"}", "protocolSection.designModule.enrollmentInfo", "\"many\"", "Expected an object, found a string.")]
    [InlineData("\"statusModule\":{\"overallStatus\":{ \"x\" : [1, 2] }}", "protocolSection.statusModule.overallStatus", "{ \"x\" : [1, 2] }", "Expected a string, found an object.")]
    [InlineData("\"statusModule\":{\"overallStatus\":[1,\"two\"]}", "protocolSection.statusModule.overallStatus", "[1,\"two\"]", "Expected a string, found an array.")]
    [InlineData("\"statusModule\":{\"overallStatus\":12.50}", "protocolSection.statusModule.overallStatus", "12.50", "Expected a string, found a number.")]
    [InlineData("\"statusModule\":{\"delayedPosting\":\"yes\"}", "protocolSection.statusModule.delayedPosting", "\"yes\"", "Expected true or false, found a string.")]
    [InlineData("\"designModule\":{\"enrollmentInfo\":{\"count\":true}}", "protocolSection.designModule.enrollmentInfo.count", "true", "Expected a whole number, found a boolean.")]
    [InlineData("\"conditionsModule\":{\"conditions\":\"Asthma\"}", "protocolSection.conditionsModule.conditions", "\"Asthma\"", "Expected an array, found a string.")]
    [InlineData("\"conditionsModule\":{\"conditions\":[\"Asthma\",7,\"COPD\"]}", "protocolSection.conditionsModule.conditions[1]", "7", "Expected a string, found a number.")]
    [InlineData("\"armsInterventionsModule\":{\"armGroups\":[{\"label\":\"A\"},{\"label\":\"B\",\"interventionNames\":[\"Drug: X\",{\"x\":1}]}]}", "protocolSection.armsInterventionsModule.armGroups[1].interventionNames[1]", "{\"x\":1}", "Expected a string, found an object.")]
    [InlineData("\"outcomesModule\":{\"primaryOutcomes\":[\"wrong type\"]}", "protocolSection.outcomesModule.primaryOutcomes[0]", "\"wrong type\"", "Expected an object, found a string.")]
    [InlineData("\"descriptionModule\":{\"briefSummary\":\"caf\\u00e9 <b>\\\"x\\\"\", \"detailedDescription\":-0.5e-3}", "protocolSection.descriptionModule.detailedDescription", "-0.5e-3", "Expected a string, found a number.")]
    public void Parse_ValueOfTheWrongJsonType_NulledWithItsExactRawTextAndPath(string module, string path, string raw, string reason)
    {
        var result = Parse(Protocol(module));

        result.Record.ShouldNotBeNull().ProtocolSection!.IdentificationModule!.NctId.ShouldBe("NCT01234567");
        var finding = result.Salvaged.ShouldNotBeNull().ShouldHaveSingleItem();
        finding.Rule.ShouldBe(SalvageRules.WrongType);
        finding.JsonPath.ShouldBe(path);
        finding.Value.ShouldBe(raw);
        finding.Message.ShouldBe(path.EndsWith(']')
            ? $"{reason} Stored as an empty element, so that the others keep their positions; the value as sent is kept in this finding."
            : $"{reason} Stored as null; the value as sent is kept in this finding.");
    }

    [Fact]
    public void Parse_ListElementsOfTheWrongType_EmptyElementsStandInSoTheOthersKeepTheirPositions()
    {
        var result = Parse(Protocol(
            "\"conditionsModule\":{\"conditions\":[\"Asthma\",7,\"COPD\"]},"
                + "\"armsInterventionsModule\":{\"armGroups\":[[\"A\"],{\"label\":\"B\"}]}"));

        var protocol = result.Record.ShouldNotBeNull().ProtocolSection!;
        protocol.ConditionsModule!.Conditions.ShouldBe(["Asthma", "", "COPD"]);
        protocol.ArmsInterventionsModule!.ArmGroups!.Select(a => a.Label).ShouldBe([null, "B"]);
        result.Salvaged.ShouldNotBeNull().Select(f => (f.JsonPath, f.Value)).ShouldBe(
        [
            ("protocolSection.conditionsModule.conditions[1]", "7"),
            ("protocolSection.armsInterventionsModule.armGroups[0]", "[\"A\"]"),
        ]);
    }

    [Theory]
    [InlineData("\"designModule\":{\"enrollmentInfo\":{\"count\":99999999999}}", "protocolSection.designModule.enrollmentInfo.count", "99999999999")]
    [InlineData("\"designModule\":{\"enrollmentInfo\":{\"count\":1.5}}", "protocolSection.designModule.enrollmentInfo.count", "1.5")]
    [InlineData("\"designModule\":{\"enrollmentInfo\":{\"count\":1e2}}", "protocolSection.designModule.enrollmentInfo.count", "1e2")]
    [InlineData("\"contactsLocationsModule\":{\"locations\":[{\"city\":\"Oslo\",\"geoPoint\":{\"lat\":1e400,\"lon\":10.75}}]}", "protocolSection.contactsLocationsModule.locations[0].geoPoint.lat", "1e400")]
    [InlineData("\"contactsLocationsModule\":{\"locations\":[{\"city\":\"\\ud800 Oslo\"}]}", "protocolSection.contactsLocationsModule.locations[0].city", "\"\\ud800 Oslo\"")]
    public void Parse_ValueThatCannotBeRepresented_NulledWithUnrepresentableFinding(string module, string path, string raw)
    {
        var result = Parse(Protocol(module));

        result.Record.ShouldNotBeNull();
        var finding = result.Salvaged.ShouldNotBeNull().ShouldHaveSingleItem();
        finding.Rule.ShouldBe(SalvageRules.Unrepresentable);
        finding.JsonPath.ShouldBe(path);
        finding.Value.ShouldBe(raw);
    }

    [Fact]
    public void Parse_SeveralBadValues_EachNulledWithAFindingInTextOrderAndTheRestKept()
    {
        var json = Protocol(
            "\"statusModule\":{\"overallStatus\":5,\"whyStopped\":\"funding\"},"
                + "\"contactsLocationsModule\":{\"locations\":[{\"city\":\"Oslo\",\"geoPoint\":{\"lat\":\"north\",\"lon\":10.75}}]}",
            ",\"resultsSection\":{\"adverseEventsModule\":{\"seriousEvents\":[{\"term\":\"Fever\",\"stats\":[{\"groupId\":\"EG000\",\"numAffected\":\"two\",\"numAtRisk\":10}]}]}},"
                + "\"hasResults\":\"yes\"");

        var result = Parse(json);

        var record = result.Record.ShouldNotBeNull();
        record.ProtocolSection!.StatusModule!.WhyStopped.ShouldBe("funding");
        record.ProtocolSection.ContactsLocationsModule!.Locations![0].GeoPoint!.Lon.ShouldBe(10.75m);
        record.ResultsSection!.AdverseEventsModule!.SeriousEvents![0].Stats![0].NumAtRisk.ShouldBe(10);
        record.HasResults.ShouldBeNull();
        result.Salvaged.ShouldNotBeNull().Select(f => (f.JsonPath, f.Value)).ShouldBe(
        [
            ("protocolSection.statusModule.overallStatus", "5"),
            ("protocolSection.contactsLocationsModule.locations[0].geoPoint.lat", "\"north\""),
            ("resultsSection.adverseEventsModule.seriousEvents[0].stats[0].numAffected", "\"two\""),
            ("hasResults", "\"yes\""),
        ]);
        // The salvaged values stand as null in the record: the shape notes each null where it stands.
        result.Shape.ShouldNotBeNull().Empty.ShouldBe(
        [
            ("protocolSection.statusModule.overallStatus", "null"),
            ("protocolSection.contactsLocationsModule.locations[0].geoPoint.lat", "null"),
            ("resultsSection.adverseEventsModule.seriousEvents[0].stats[0].numAffected", "null"),
            ("hasResults", "null"),
        ]);
    }

    [Fact]
    public void Parse_UnknownMemberOfAnyType_IgnoredWithoutFinding()
    {
        var result = Parse(Protocol("\"designModule\":{\"enrollmentInfo\":{\"count\":\"many\"},\"newField\":{\"a\":[1,{\"b\":null}]}}", ",\"extra\":[1]"));

        result.Salvaged.ShouldNotBeNull().ShouldHaveSingleItem().JsonPath.ShouldBe("protocolSection.designModule.enrollmentInfo.count");
        result.UnknownPaths.ShouldBe(["protocolSection.designModule.newField", "extra"]);
    }

    [Fact]
    public void Decode_NewFieldsAtSeveralDepths_EachPathOnceWithoutIndices()
    {
        var result = Parse(Protocol(
            "\"armsInterventionsModule\":{\"armGroups\":[{\"label\":\"A\",\"colour\":\"red\"},{\"label\":\"B\",\"colour\":\"blue\",\"interventionNames\":[\"X\"]}]},"
                + "\"newModule\":{\"deep\":{\"deeper\":1}}",
            ",\"newSection\":[]"));

        result.Record.ShouldNotBeNull().ProtocolSection!.ArmsInterventionsModule!.ArmGroups!.Select(a => a.Label).ShouldBe(["A", "B"]);
        result.UnknownPaths.ShouldBe(["protocolSection.armsInterventionsModule.armGroups.colour", "protocolSection.newModule", "newSection"]);
        result.Salvaged.ShouldBeNull();
        result.Shape.ShouldBeNull(); // what is inside an unknown value is not the record's shape
    }

    [Fact]
    public void Decode_EmptyObjectsArraysAndNulls_EachNotedWithItsIndexedPathInTextOrder()
    {
        var result = Parse(Protocol(
            "\"statusModule\":{\"whyStopped\":null,\"expandedAccessInfo\":{}},\"conditionsModule\":{\"conditions\":[],\"keywords\":[\"a\"]},"
                + "\"armsInterventionsModule\":{\"armGroups\":[{\"label\":\"A\"},{\"label\":\"B\",\"interventionNames\":[]},{}]}"));

        result.Salvaged.ShouldBeNull();
        result.Shape.ShouldNotBeNull().Empty.ShouldBe(
        [
            ("protocolSection.statusModule.whyStopped", "null"),
            ("protocolSection.statusModule.expandedAccessInfo", "{}"),
            ("protocolSection.conditionsModule.conditions", "[]"),
            ("protocolSection.armsInterventionsModule.armGroups[1].interventionNames", "[]"),
            ("protocolSection.armsInterventionsModule.armGroups[2]", "{}"),
        ]);
    }

    [Fact]
    public void Decode_WordNullInsideTexts_NoSalvageAndNoShape()
    {
        var result = Parse(Protocol("\"eligibilityModule\":{\"eligibilityCriteria\":\"nulliparous women; consent annulled; [null, null]\"}"));

        result.Salvaged.ShouldBeNull();
        result.Shape.ShouldBeNull();
        result.Record.ShouldNotBeNull().ProtocolSection!.EligibilityModule!.EligibilityCriteria.ShouldBe("nulliparous women; consent annulled; [null, null]");
    }

    [Fact]
    public void Decode_IgnoredKeyHoldingAVerbatimCopy_NotedAsACopyNotAsDrift()
    {
        const string Locations = "[{\"city\":\"Oslo\"},{\"city\":\"Bergen\"}]";
        var result = Parse(Protocol($"\"contactsLocationsModule\":{{\"locations_nested\":{Locations},\"locations\":{Locations}}}"));

        result.UnknownPaths.ShouldBeNull();
        result.DifferingCopies.ShouldBeNull();
        result.Shape.ShouldNotBeNull().Copies.ShouldBe([("protocolSection.contactsLocationsModule.locations_nested", "protocolSection.contactsLocationsModule.locations")]);
        result.Record.ShouldNotBeNull().ProtocolSection!.ContactsLocationsModule!.Locations!.Count.ShouldBe(2);
    }

    [Fact]
    public void Decode_IgnoredKeyThatIsNotAVerbatimCopy_ReportedAsDiffering()
    {
        var result = Parse(Protocol("\"contactsLocationsModule\":{\"locations\":[{\"city\":\"Oslo\"}],\"locations_nested\":[{\"city\":\"Bergen\"}]}"));

        result.DifferingCopies.ShouldBe(["protocolSection.contactsLocationsModule.locations_nested"]);
        result.Shape.ShouldBeNull();
        result.UnknownPaths.ShouldBeNull();
    }

    [Theory]
    [InlineData("\"statusModule\":{\"whyStopped\":\"a\\u0000b\"}", true)]
    [InlineData("\"conditionsModule\":{\"conditions\":[\"x\",\"a\\u0000\"]}", true)]
    [InlineData("\"newModule\":{\"text\":\"a\\u0000b\"}", true)]
    [InlineData("\"statusModule\":{\"whyStopped\":\"a\\\\u0000b\"}", false)]
    [InlineData("\"statusModule\":{\"whyStopped\":\"a\\u00e9b\"}", false)]
    public void Decode_EscapedNul_NotedWhereverItStandsButNotAnEscapedBackslash(string module, bool holdsNul)
    {
        Parse(Protocol(module)).HoldsNul.ShouldBe(holdsNul);
    }

    [Fact]
    public void Decode_EscapedNulInTextsAndListElements_DroppedFromThemAndNoted()
    {
        var result = Parse(Protocol(
            "\"descriptionModule\":{\"briefSummary\":\"Aspirin\\u0000 for\\u0000 Pain\"}," +
            "\"conditionsModule\":{\"conditions\":[\"Flu\\u0000\"],\"keywords\":[\"in\\u0000fluenza\",\"a\\\\u0000b\"]}"));

        var protocol = result.Record.ShouldNotBeNull().ProtocolSection.ShouldNotBeNull();
        protocol.DescriptionModule!.BriefSummary.ShouldBe("Aspirin for Pain");
        protocol.ConditionsModule!.Conditions.ShouldBe(["Flu"]);
        protocol.ConditionsModule.Keywords.ShouldBe(["influenza", "a\\u0000b"]); // an escaped backslash is text
        result.HoldsNul.ShouldBeTrue();
    }

    [Fact]
    public void Decode_NestingDeeperThan64_FailsTheStudy()
    {
        var bomb = new string('[', 100) + new string(']', 100);

        var result = Parse(Protocol($"\"newModule\":{bomb}"));

        result.Record.ShouldBeNull();
        result.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Decode_EveryRealStudy_SameRecordAsSystemTextJsonAndNothingToReport()
    {
        var options = new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase };
        var studies = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TestFixtures.RealStudiesPath))!.AsArray();
        foreach (var study in studies)
        {
            var text = study!.ToJsonString();
            var decoded = Parse(text);

            var record = decoded.Record.ShouldNotBeNull();
            decoded.Salvaged.ShouldBeNull();
            decoded.UnknownPaths.ShouldBeNull();
            decoded.HoldsNul.ShouldBeFalse();
            System.Text.Json.JsonSerializer.Serialize(record, options).ShouldBe(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<StudyRecord>(text, options), options));
        }
    }

    [Theory]
    [InlineData("{\"protocolSection\":{\"identificationModule\":{\"nctId\":12345678}}}", "protocolSection.identificationModule.nctId", "Expected a string, found a number.")]
    [InlineData("{\"protocolSection\":{\"identificationModule\":\"NCT01234567\"}}", "protocolSection.identificationModule", "Expected an object, found a string.")]
    [InlineData("{\"protocolSection\":[{\"identificationModule\":{\"nctId\":\"NCT01234567\"}}]}", "protocolSection", "Expected an object, found an array.")]
    public void Parse_NctIdUnreachableByItsType_FailsNamingThePath(string json, string path, string reason)
    {
        var result = Parse(json);

        result.Record.ShouldBeNull();
        result.Error.ShouldBe($"The study has no NCT number: {path}: {reason}");
        result.JsonPath.ShouldBe(path);
    }

    [Theory]
    [InlineData("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT01234567\"},\"statusModule\":{\"overallStatus\":5,")]
    [InlineData("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT01234567\"}},,}")]
    [InlineData("{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT01234567\"}}} {")]
    public void Parse_SyntaxError_FailsWithoutSalvage(string json)
    {
        var result = Parse(json);

        result.Record.ShouldBeNull();
        result.Salvaged.ShouldBeNull();
        result.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Parse_InvalidUtf8InsideAString_FailsBecauseTheRawValueCannotBeKept()
    {
        var bytes = Encoding.UTF8.GetBytes(Protocol("\"statusModule\":{\"whyStopped\":\"X\"}"));
        bytes[Array.LastIndexOf(bytes, (byte)'X')] = 0xFF;

        var result = _decoder.Decode(bytes);

        result.Record.ShouldBeNull();
        result.Salvaged.ShouldBeNull();
        result.Error.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("[1]", "an array")]
    [InlineData("\"study\"", "a string")]
    [InlineData("null", "null")]
    public void Parse_RootIsNotAnObject_Fails(string json, string found)
    {
        var result = Parse(json);

        result.Record.ShouldBeNull();
        result.Error.ShouldBe($"A study must be a JSON object; found {found}.");
    }

    /// <summary>A study with a valid identification module, the given protocol modules, and what follows the protocol section.</summary>
    private static string Protocol(string modules, string rest = "") => "{\"protocolSection\":{" + Id + "," + modules + "}" + rest + "}";

    private DecodedStudy Parse(string json) => _decoder.Decode(Encoding.UTF8.GetBytes(json));
}
