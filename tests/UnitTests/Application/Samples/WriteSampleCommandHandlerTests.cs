using Clinical.Application.Samples;

namespace Clinical.UnitTests.Application.Samples;

public sealed class WriteSampleCommandHandlerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-sample-").FullName;
    private readonly ISampleStudyWriter _writer = Substitute.For<ISampleStudyWriter>();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Handle_FilePath_WritesWhatTheWriterWritesAndReportsTheSize()
    {
        // Arrange
        var path = Path.Combine(_directory, "sample.json");
        const string content = "[\n{},\n{},\n{}\n]\n";
        _writer.When(w => w.WriteArray(Arg.Any<Stream>(), 3, 7, Arg.Any<CancellationToken>()))
            .Do(call => call.Arg<Stream>().Write(System.Text.Encoding.UTF8.GetBytes(content)));
        var handler = new WriteSampleCommandHandler(_writer);

        // Act
        var result = await handler.Handle(new WriteSampleCommand(3, 7, path), TestContext.Current.CancellationToken);

        // Assert
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe(content);
        result.ShouldBe(new WriteSampleResult(3, path, content.Length));
    }

    [Fact]
    public async Task Handle_WriterCancelledMidway_DeletesThePartialFileAndRethrows()
    {
        // Arrange
        var path = Path.Combine(_directory, "sample.json");
        _writer.When(w => w.WriteArray(Arg.Any<Stream>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<CancellationToken>()))
            .Do(call =>
            {
                call.Arg<Stream>().Write("[\n{},\n"u8);
                throw new OperationCanceledException();
            });
        var handler = new WriteSampleCommandHandler(_writer);

        // Act
        var act = async () => await handler.Handle(new WriteSampleCommand(1_000, 7, path), TestContext.Current.CancellationToken);

        // Assert
        await act.ShouldThrowAsync<OperationCanceledException>();
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task Handle_CancellationToken_ReachesTheWriter()
    {
        // Arrange
        var path = Path.Combine(_directory, "sample.json");
        using var cancellation = new CancellationTokenSource();
        var handler = new WriteSampleCommandHandler(_writer);

        // Act
        await handler.Handle(new WriteSampleCommand(2, 1, path), cancellation.Token);

        // Assert
        _writer.Received(1).WriteArray(Arg.Any<Stream>(), 2, 1, cancellation.Token);
    }
}
