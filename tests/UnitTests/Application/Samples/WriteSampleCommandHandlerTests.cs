using System.Text;
using Clinical.Application.Samples;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Samples;

public sealed class WriteSampleCommandHandlerTests
{
    private readonly ISampleStudyWriter _writer = Substitute.For<ISampleStudyWriter>();
    private readonly MemoryOutputFiles _outputs = new();

    [Fact]
    public async Task Handle_FilePath_CommitsWhatTheWriterWroteAndReportsTheSize()
    {
        // Arrange
        const string content = "[\n{},\n{},\n{}\n]\n";
        _writer.When(w => w.WriteArray(Arg.Any<Stream>(), 3, 7, Arg.Any<CancellationToken>()))
            .Do(call => call.Arg<Stream>().Write(Encoding.UTF8.GetBytes(content)));
        var handler = new WriteSampleCommandHandler(_writer, _outputs);

        // Act
        var result = await handler.Handle(new WriteSampleCommand(3, 7, "sample.json"), TestContext.Current.CancellationToken);

        // Assert
        Encoding.UTF8.GetString(_outputs.Committed["sample.json"]).ShouldBe(content);
        result.ShouldBe(new WriteSampleResult(3, "sample.json", content.Length));
    }

    [Fact]
    public async Task Handle_StandardOutput_ReportsNoSize()
    {
        // Arrange
        var handler = new WriteSampleCommandHandler(_writer, _outputs);

        // Act
        var result = await handler.Handle(new WriteSampleCommand(2, 7, WriteSampleCommand.StandardOutput), TestContext.Current.CancellationToken);

        // Assert
        _outputs.Committed.Keys.ShouldBe([WriteSampleCommand.StandardOutput]);
        result.Bytes.ShouldBeNull();
    }

    [Fact]
    public async Task Handle_WriterCancelledMidway_CommitsNothingAndRethrows()
    {
        // Arrange
        _writer.When(w => w.WriteArray(Arg.Any<Stream>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>()))
            .Do(call =>
            {
                call.Arg<Stream>().Write("[\n{},\n"u8);
                throw new OperationCanceledException();
            });
        var handler = new WriteSampleCommandHandler(_writer, _outputs);

        // Act
        var act = async () => await handler.Handle(new WriteSampleCommand(1_000, 7, "sample.json"), TestContext.Current.CancellationToken);

        // Assert
        await act.ShouldThrowAsync<OperationCanceledException>();
        _outputs.Committed.ShouldBeEmpty();
        _outputs.Abandoned.ShouldBe(["sample.json"]);
    }

    [Fact]
    public async Task Handle_CancellationToken_ReachesTheWriter()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        var handler = new WriteSampleCommandHandler(_writer, _outputs);

        // Act
        await handler.Handle(new WriteSampleCommand(2, 1, "sample.json"), cancellation.Token);

        // Assert
        _writer.Received(1).WriteArray(Arg.Any<Stream>(), 2, 1, cancellation.Token);
    }
}
