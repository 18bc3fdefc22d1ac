using System.Security.Cryptography;
using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.UnitTests.TestData;
using Mediator;

namespace Clinical.UnitTests.Application.Studies.Import;

/// <summary>The per-study pipeline as composed by AddApplication: validation behavior, mapping handler, then the encoding request.</summary>
public sealed class ProcessStudyPipelineTests : IDisposable
{
    private readonly IImportPorts _repository = Substitute.For<IImportPorts>();
    private readonly PipelineHost _host;

    public ProcessStudyPipelineTests()
    {
        _repository.Prepare(Arg.Any<long>(), Arg.Any<StoredStudy>()).Returns(call => PreparedStudies.Of(call.ArgAt<StoredStudy>(1)));
        _host = new PipelineHost(_repository);
    }

    [Fact]
    public void Composition_ProcessStudy_ValidationBehaviorThenMappingHandlerThenEncodeStudyHandler()
    {
        // Act
        var behaviors = _host.Get<IEnumerable<IPipelineBehavior<ProcessStudy, ProcessedStudy>>>();
        var handler = _host.Get<IRequestHandler<ProcessStudy, ProcessedStudy>>();
        var encoder = _host.Get<IRequestHandler<EncodeStudy, ProcessedStudy>>();

        // Assert
        behaviors.Select(b => b.GetType()).ShouldBe([typeof(StudyValidationBehavior)]);
        handler.ShouldBeOfType<ProcessStudyHandler>();
        encoder.ShouldBeOfType<EncodeStudyHandler>();
    }

    [Fact]
    public async Task Send_RecordWithInvalidNctId_RejectedByValidationNeverMappedNorPrepared()
    {
        // Arrange
        var message = Message(StudyRecords.Minimal("NCT123"));

        // Act
        var processed = await _host.Sender.Send(message, TestContext.Current.CancellationToken);

        // Assert
        var reject = processed.Reject.ShouldNotBeNull();
        reject.JsonPath.ShouldBe(StudyRecordValidator.NctIdPath);
        reject.NctId.ShouldBe("NCT123");
        _repository.DidNotReceive().Prepare(Arg.Any<long>(), Arg.Any<StoredStudy>());
    }

    [Fact]
    public async Task Send_ValidRecord_MappedStudyReachesTheRepository()
    {
        // Arrange
        var message = Message(StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "RECRUITING" } }));

        // Act
        var processed = await _host.Sender.Send(message, TestContext.Current.CancellationToken);

        // Assert
        processed.Reject.ShouldBeNull();
        processed.Prepared.ShouldNotBeNull().NctId.Value.ShouldBe(StudyRecords.ValidNctId);
        _repository.Received(1).Prepare(42, Arg.Is<StoredStudy>(s => s.Study.NctId.Value == StudyRecords.ValidNctId && s.Ordinal == 5));
    }

    [Fact]
    public async Task Send_UnknownCode_WarningBecomesAFindingOfTheStoredStudy()
    {
        // Arrange
        var message = Message(StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } }));

        // Act
        var processed = await _host.Sender.Send(message, TestContext.Current.CancellationToken);

        // Assert
        var finding = processed.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("unknown-code");
        finding.JsonPath.ShouldBe("protocolSection.statusModule.overallStatus");
        finding.Value.ShouldBe("SOMETHING_NEW");
        _repository.Received(1).Prepare(42, Arg.Is<StoredStudy>(s => s.Study.Findings.SequenceEqual(new[] { finding })));
    }

    public void Dispose() => _host.Dispose();

    private static ProcessStudy Message(StudyRecord record)
    {
        var raw = new RawStudy(5, 500, 7, Encoding.UTF8.GetBytes("{}"));
        return new ProcessStudy(42, raw, SHA256.HashData(raw.Utf8.Span), record);
    }
}
