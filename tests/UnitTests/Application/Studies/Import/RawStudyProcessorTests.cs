using System.Security.Cryptography;
using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;
using FluentValidation;

namespace Clinical.UnitTests.Application.Studies.Import;

public class RawStudyProcessorTests
{
    private const string ValidJson = """{"protocolSection":{"identificationModule":{"nctId":"NCT01234567"}}}""";

    [Fact]
    public void Process_ParseFailure_RejectWithReasonPathAndNctIdFromText()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Fail("Cannot read a number as a string.", "$.protocolSection.statusModule.overallStatus"));
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT07654321"},"statusModule":{"overallStatus":5}}}""", ordinal: 7, byteOffset: 1234);

        var processed = Processor(parser).Process(raw);

        processed.Study.ShouldBeNull();
        processed.Warnings.ShouldBeNull();
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
    public void Process_ParseFailureOfPrettyPrintedStudy_NctIdFoundAfterBlanks()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Fail("Unexpected end.", null));
        var raw = Raw("{\n  \"protocolSection\": {\n    \"identificationModule\": {\n      \"nctId\" :  \"NCT07654321\",\n");

        var processed = Processor(parser).Process(raw);

        processed.Reject.ShouldNotBeNull().NctId.ShouldBe("NCT07654321");
    }

    [Fact]
    public void Process_ParseFailureWithoutNctIdInText_RejectWithoutNctIdAndDefaultReason()
    {
        var parser = StubStudyRecordParser.Returning(new StudyParseResult(null, null, null));
        var raw = Raw("[1,2,3]");

        var processed = Processor(parser).Process(raw);

        var reject = processed.Reject.ShouldNotBeNull();
        reject.NctId.ShouldBeNull();
        reject.Reason.ShouldBe("The study could not be read.");
        reject.JsonPath.ShouldBeNull();
    }

    [Fact]
    public void Process_AnyStudy_ParserGetsTheRawBytes()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(StudyRecords.Minimal()));
        var raw = Raw(ValidJson);

        Processor(parser).Process(raw);

        parser.Calls.ShouldHaveSingleItem().ShouldBe(raw.Utf8.ToArray());
    }

    [Fact]
    public void Process_MalformedNctId_RejectAtNctIdPath()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(StudyRecords.Minimal("NCT123")));
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT123"}}}""", ordinal: 3);

        var processed = Processor(parser).Process(raw);

        processed.Study.ShouldBeNull();
        var reject = processed.Reject.ShouldNotBeNull();
        reject.JsonPath.ShouldBe("protocolSection.identificationModule.nctId");
        reject.NctId.ShouldBe("NCT123");
        reject.Reason.ShouldContain("NCT123");
        reject.Ordinal.ShouldBe(3);
        reject.ContentSha256.ShouldBe(SHA256.HashData(raw.Utf8.Span));
    }

    [Fact]
    public void Process_NoProtocolSection_RejectAtProtocolSection()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(new StudyRecord { HasResults = false }));

        var processed = Processor(parser).Process(Raw("""{"hasResults":false}"""));

        var reject = processed.Reject.ShouldNotBeNull();
        reject.JsonPath.ShouldBe("protocolSection");
        reject.NctId.ShouldBeNull();
    }

    [Fact]
    public void Process_UnknownCodeAndMalformedNctId_RejectedNotWarned()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } }, nctId: "NCT123");
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(record));

        var processed = Processor(parser).Process(Raw(ValidJson));

        processed.Study.ShouldBeNull();
        processed.Reject.ShouldNotBeNull().JsonPath.ShouldBe(StudyRecordValidator.NctIdPath);
    }

    [Fact]
    public void Process_ValidRecord_StudyWithHashOfRawBytesAndOrdinal()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(StudyRecords.Minimal()));
        var raw = Raw(ValidJson, ordinal: 41, byteOffset: 9000);

        var processed = Processor(parser).Process(raw);

        processed.Reject.ShouldBeNull();
        processed.Warnings.ShouldBeNull();
        var stored = processed.Study.ShouldNotBeNull();
        stored.Study.NctId.ShouldBe(NctId.Parse(StudyRecords.ValidNctId));
        stored.Ordinal.ShouldBe(41);
        stored.ContentSha256.ShouldBe(SHA256.HashData(Encoding.UTF8.GetBytes(ValidJson)));
        stored.ContentSha256.Length.ShouldBe(32);
    }

    [Fact]
    public void Process_SameRecordDifferentBytes_DifferentHashes()
    {
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(StudyRecords.Minimal()));
        var processor = Processor(parser);

        var compact = processor.Process(Raw(ValidJson));
        var spaced = processor.Process(Raw(ValidJson.Replace(":", ": ", StringComparison.Ordinal)));

        compact.Study!.ContentSha256.ShouldNotBe(spaced.Study!.ContentSha256);
    }

    [Fact]
    public void Process_EscapedNulInRawText_StudyKeptWithNulStrippedWarning()
    {
        var record = StudyRecords.Minimal() with
        {
            ProtocolSection = new ProtocolSectionRecord
            {
                IdentificationModule = new IdentificationModuleRecord { NctId = StudyRecords.ValidNctId, BriefTitle = "Aspirin\0 trial" },
            },
        };
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(record));
        var raw = Raw("""{"protocolSection":{"identificationModule":{"nctId":"NCT01234567","briefTitle":"Aspirin\u0000 trial"}}}""");

        var processed = Processor(parser).Process(raw);

        var stored = processed.Study.ShouldNotBeNull();
        stored.Study.ProtocolSection.IdentificationModule!.BriefTitle.ShouldBe("Aspirin trial");
        var warning = processed.Warnings.ShouldNotBeNull().ShouldHaveSingleItem();
        warning.ErrorCode.ShouldBe(RawStudyProcessor.NulStripped);
        warning.ErrorCode.ShouldBe("nul-stripped");
        warning.Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Process_UnknownCode_StudyKeptWithUnknownCodeWarning()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } });
        var parser = StubStudyRecordParser.Returning(StudyParseResult.Ok(record));

        var processed = Processor(parser).Process(Raw(ValidJson));

        processed.Reject.ShouldBeNull();
        var status = processed.Study.ShouldNotBeNull().Study.ProtocolSection.StatusModule!.OverallStatus!.Value;
        status.Raw.ShouldBe("SOMETHING_NEW");
        status.IsKnown.ShouldBeFalse();
        var warning = processed.Warnings.ShouldNotBeNull().ShouldHaveSingleItem();
        warning.ErrorCode.ShouldBe("unknown-code");
        warning.Severity.ShouldBe(Severity.Warning);
    }

    private static RawStudyProcessor Processor(IStudyRecordParser parser) => new(parser, new StudyRecordValidator(TestStudySchema.Common));

    private static RawStudy Raw(string json, long ordinal = 0, long byteOffset = 0) =>
        new(ordinal, byteOffset, 1, Encoding.UTF8.GetBytes(json));
}
