using System.Security.Cryptography;
using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Import;

public class RawStudyProcessorTests
{
    private const string ValidJson = """{"protocolSection":{"identificationModule":{"nctId":"NCT01234567"}}}""";

    [Fact]
    public async Task Process_ParseFailure_RejectWithReasonPathAndNctIdFromText()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Fail("Cannot read a number as a string.", "$.protocolSection.statusModule.overallStatus"));
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT07654321"},"statusModule":{"overallStatus":5}}}""", ordinal: 7, byteOffset: 1234);

        var processed = await Process(parser, raw);

        processed.Prepared.ShouldBeNull();
        processed.Findings.ShouldBeEmpty();
        var reject = processed.Reject.ShouldNotBeNull();
        reject.Reason.ShouldBe("Cannot read a number as a string.");
        reject.JsonPath.ShouldBe("$.protocolSection.statusModule.overallStatus");
        reject.NctId.ShouldBe("NCT07654321");
        reject.Ordinal.ShouldBe(7);
        reject.ByteOffset.ShouldBe(1234);
        reject.Utf8.ToArray().ShouldBe(raw.Utf8.ToArray());
        reject.ContentSha256.ShouldBe(SHA256.HashData(raw.Utf8.Span));
    }

    [Fact]
    public async Task Process_StudyOverTheSizeLimit_RejectedWithItsSizeAndThePrefixWithoutParsing()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Fail("The parser was asked.", null));
        var prefix = Encoding.UTF8.GetBytes("""{"protocolSection":{"identificationModule":{"nctId":"NCT07654321","briefTitle":"aaaa""");
        var raw = new RawStudy(5, 900, 3, prefix, OversizeLength: 1_073_741_908);

        var processed = await Process(parser, raw);

        var reject = processed.Reject.ShouldNotBeNull();
        reject.Reason.ShouldStartWith($"The study is {1_073_741_908:N0} bytes, over the size limit");
        reject.Reason.ShouldContain($"its first {prefix.Length:N0} bytes are kept");
        reject.NctId.ShouldBe("NCT07654321");
        reject.JsonPath.ShouldBe("$");
        reject.Utf8.ToArray().ShouldBe(prefix);
        (reject.Ordinal, reject.ByteOffset).ShouldBe((5L, 900L));
    }

    [Fact]
    public async Task Process_ParseFailureOfPrettyPrintedStudy_NctIdFoundAfterBlanks()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Fail("Unexpected end.", null));
        var raw = Raw("{\n  \"protocolSection\": {\n    \"identificationModule\": {\n      \"nctId\" :  \"NCT07654321\",\n");

        var processed = await Process(parser, raw);

        processed.Reject.ShouldNotBeNull().NctId.ShouldBe("NCT07654321");
    }

    [Fact]
    public async Task Process_ParseFailureWithoutNctIdInText_RejectWithoutNctIdAndDefaultReason()
    {
        var parser = StubStudyDecoder.Returning(new DecodedStudy(null, null, null));
        var raw = Raw("[1,2,3]");

        var processed = await Process(parser, raw);

        var reject = processed.Reject.ShouldNotBeNull();
        reject.NctId.ShouldBeNull();
        reject.Reason.ShouldBe("The study could not be read.");
        reject.JsonPath.ShouldBeNull();
    }

    [Fact]
    public async Task Process_AnyStudy_ParserGetsTheRawBytes()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(StudyRecords.Minimal()));
        var raw = Raw(ValidJson);

        await Process(parser, raw);

        parser.Calls.ShouldHaveSingleItem().ShouldBe(raw.Utf8.ToArray());
    }

    [Fact]
    public async Task Process_MalformedNctId_RejectAtNctIdPath()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(StudyRecords.Minimal("NCT123")));
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT123"}}}""", ordinal: 3);

        var processed = await Process(parser, raw);

        processed.Prepared.ShouldBeNull();
        var reject = processed.Reject.ShouldNotBeNull();
        reject.JsonPath.ShouldBe("protocolSection.identificationModule.nctId");
        reject.NctId.ShouldBe("NCT123");
        reject.Reason.ShouldContain("NCT123");
        reject.Ordinal.ShouldBe(3);
        reject.ContentSha256.ShouldBe(SHA256.HashData(raw.Utf8.Span));
    }

    [Fact]
    public async Task Process_NoProtocolSection_RejectAtProtocolSection()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(new StudyRecord { HasResults = false }));

        var processed = await Process(parser, Raw("""{"hasResults":false}"""));

        var reject = processed.Reject.ShouldNotBeNull();
        reject.JsonPath.ShouldBe("protocolSection");
        reject.NctId.ShouldBeNull();
    }

    [Fact]
    public async Task Process_UnknownCodeAndMalformedNctId_RejectedNotWarned()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } }, nctId: "NCT123");
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(record));

        var processed = await Process(parser, Raw(ValidJson));

        processed.Prepared.ShouldBeNull();
        processed.Reject.ShouldNotBeNull().JsonPath.ShouldBe(StudyRecordValidator.NctIdPath);
    }

    [Fact]
    public async Task Process_ValidRecord_StudyWithHashOfRawBytesAndOrdinal()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(StudyRecords.Minimal()));
        var raw = Raw(ValidJson, ordinal: 41, byteOffset: 9000);

        var processed = await Process(parser, raw);

        processed.Reject.ShouldBeNull();
        processed.Findings.ShouldBeEmpty();
        var stored = Stored(processed);
        stored.Study.NctId.ShouldBe(NctId.Parse(StudyRecords.ValidNctId));
        stored.Ordinal.ShouldBe(41);
        stored.ContentSha256.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(ValidJson)));
        stored.ContentSha256.Length.ShouldBe(32);
    }

    [Fact]
    public async Task Process_SameRecordDifferentBytes_DifferentHashes()
    {
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(StudyRecords.Minimal()));

        var compact = await Process(parser, Raw(ValidJson));
        var spaced = await Process(parser, Raw(ValidJson.Replace(":", ": ", StringComparison.Ordinal)));

        Stored(compact).ContentSha256.ShouldNotBe(Stored(spaced).ContentSha256);
    }

    [Fact]
    public async Task Process_EscapedNulInRawText_StudyKeptWithNulStrippedWarning()
    {
        var record = StudyRecords.Minimal() with
        {
            ProtocolSection = new ProtocolSectionRecord
            {
                IdentificationModule = new IdentificationModuleRecord { NctId = StudyRecords.ValidNctId, BriefTitle = "Aspirin trial" },
            },
        };
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(record) with { HoldsNul = true }); // the decoder dropped U+0000
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT01234567","briefTitle":"Aspirin\u0000 trial"}}}""");

        var processed = await Process(parser, raw);

        var stored = Stored(processed);
        stored.Study.ProtocolSection.IdentificationModule!.BriefTitle.ShouldBe("Aspirin trial");
        processed.Findings.ShouldHaveSingleItem().Rule.ShouldBe(RawStudyProcessor.NulStripped);
        stored.Study.Findings.ShouldBeEmpty(); // a run warning, not a finding about the trial
    }

    [Fact]
    public async Task Process_UnknownCode_StudyKeptWithUnknownCodeWarning()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } });
        var parser = StubStudyDecoder.Returning(DecodedStudy.Ok(record));

        var processed = await Process(parser, Raw(ValidJson));

        processed.Reject.ShouldBeNull();
        var status = Stored(processed).Study.ProtocolSection.StatusModule!.OverallStatus!.Value;
        status.Raw.ShouldBe("SOMETHING_NEW");
        status.IsKnown.ShouldBeFalse();
        var finding = processed.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("unknown-code");
        finding.JsonPath.ShouldBe("protocolSection.statusModule.overallStatus");
        finding.Value.ShouldBe("SOMETHING_NEW");
        Stored(processed).Study.Findings.ShouldHaveSingleItem().ShouldBe(finding); // stored with the study
    }

    [Fact]
    public async Task Process_SalvagedRecord_StudyStoredWithTheDecodersSalvageFindings()
    {
        var salvage = new Finding(SalvageRules.WrongType, "protocolSection.designModule.enrollmentInfo", "{\"x\":1}", "Expected an object, found... ");
        var parser = StubStudyDecoder.Returning(new DecodedStudy(StudyRecords.Minimal(), null, null, [salvage]));
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT01234567"},"designModule":{"enrollmentInfo":{"x":1}}}}""");

        var processed = await Process(parser, raw);

        processed.Reject.ShouldBeNull();
        processed.UnknownPaths.ShouldBeNull();
        processed.Findings.ShouldHaveSingleItem().ShouldBe(salvage);
        Stored(processed).Study.Findings.ShouldHaveSingleItem().ShouldBe(salvage);
        Stored(processed).ContentSha256.ShouldBe(SHA256.HashData(raw.Utf8.Span)); // the hash is of the input as sent
    }

    [Fact]
    public async Task Process_DecoderFoundDriftAndADifferingCopy_RunWarningsNotStudyFindings()
    {
        var decoded = DecodedStudy.Ok(StudyRecords.Minimal()) with
        {
            UnknownPaths = ["protocolSection.newModule", "protocolSection.designModule.newField"],
            DifferingCopies = ["protocolSection.contactsLocationsModule.locations_nested"],
        };

        var processed = await Process(StubStudyDecoder.Returning(decoded), Raw(ValidJson));

        processed.UnknownPaths.ShouldBe(["protocolSection.newModule", "protocolSection.designModule.newField"]);
        processed.Findings.Select(f => (f.Rule, f.JsonPath)).ShouldBe(
        [
            (RawStudyProcessor.UnknownPath, "protocolSection.newModule"),
            (RawStudyProcessor.UnknownPath, "protocolSection.designModule.newField"),
            (RawStudyProcessor.CopyDiffers, "protocolSection.contactsLocationsModule.locations_nested"),
        ]);
        Stored(processed).Study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Process_SalvagedListElementStandingInAsEmptyText_OnlyItsSalvageFindingNotAnUnknownCodeWarning()
    {
        var record = StudyRecords.WithProtocol(p => p with { DesignModule = new DesignModuleRecord { Phases = ["PHASE2", "", "SOMETHING_NEW"] } });
        var salvage = new Finding(SalvageRules.WrongType, "protocolSection.designModule.phases[1]", "3", "Expected a string, found a number.");
        var parser = StubStudyDecoder.Returning(new DecodedStudy(record, null, null, [salvage]));

        var processed = await Process(parser, Raw(ValidJson));

        processed.Findings.Select(f => (f.Rule, f.JsonPath)).ShouldBe(
        [
            (SalvageRules.WrongType, "protocolSection.designModule.phases[1]"),
            (StudyValueRules.UnknownCode, "protocolSection.designModule.phases[2]"),
        ]);
    }

    private readonly IImportPorts _repository;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PreparedStudy, StoredStudy> _prepared;

    public RawStudyProcessorTests() => (_repository, _prepared) = RecordingRepository.Create();

    private async Task<ProcessedStudy> Process(IStudyDecoder parser, RawStudy raw)
    {
        using var host = new PipelineHost(_repository, parser);
        return await host.Processor.ProcessAsync(42, raw, SHA256.HashData(raw.Utf8.Span), TestContext.Current.CancellationToken);
    }

    private StoredStudy Stored(ProcessedStudy processed) => _prepared[processed.Prepared.ShouldNotBeNull()];

    private static RawStudy Raw(string json, long ordinal = 0, long byteOffset = 0) =>
        new(ordinal, byteOffset, 1, Encoding.UTF8.GetBytes(json));
}
