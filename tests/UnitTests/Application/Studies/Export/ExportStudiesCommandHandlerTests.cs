using System.Runtime.CompilerServices;
using System.Text;
using Clinical.Application.Studies.Export;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Export;

public sealed class ExportStudiesCommandHandlerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-export-").FullName;
    private readonly IStudyExporter _exporter = Substitute.For<IStudyExporter>();
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Handle_ArrayFormat_WritesTheDownloadsShapeOneStudyPerLine()
    {
        // Arrange
        Returns(Study("NCT00000001"), Study("NCT00000002"));
        var path = Path.Combine(_directory, "out.json");

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, path), TestContext.Current.CancellationToken);

        // Assert
        var expected = "[\n{\"nctId\":\"NCT00000001\"},\n{\"nctId\":\"NCT00000002\"}\n]\n";
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe(expected);
        result.Studies.ShouldBe(2);
        result.Bytes.ShouldBe(expected.Length);
        result.Output.ShouldBe(path);
    }

    [Fact]
    public async Task Handle_NdjsonFormat_WritesOneStudyPerLineAndNothingElse()
    {
        // Arrange
        Returns(Study("NCT00000001"), Study("NCT00000002"));
        using var stdout = new MemoryStream();

        // Act
        await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Ndjson, "-", stdout), TestContext.Current.CancellationToken);

        // Assert
        Encoding.UTF8.GetString(stdout.ToArray()).ShouldBe("{\"nctId\":\"NCT00000001\"}\n{\"nctId\":\"NCT00000002\"}\n");
    }

    [Fact]
    public async Task Handle_NothingSelected_WritesAnEmptyArray()
    {
        // Arrange
        Returns();
        using var stdout = new MemoryStream();

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, "-", stdout), TestContext.Current.CancellationToken);

        // Assert
        Encoding.UTF8.GetString(stdout.ToArray()).ShouldBe("[]\n");
        result.Studies.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_SelectionFailsAfterSomeStudies_LeavesTheOldFileAndNoPartialOne()
    {
        // Arrange
        var path = Path.Combine(_directory, "out.json");
        await File.WriteAllTextAsync(path, "good old export", TestContext.Current.CancellationToken);
        _exporter.ExportAsync(Arg.Any<ExportSelection>(), Arg.Any<CancellationToken>()).Returns(Failing(TestContext.Current.CancellationToken));

        // Act
        var thrown = await Should.ThrowAsync<ExportSelectionException>(() => Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, path), TestContext.Current.CancellationToken).AsTask());

        // Assert
        thrown.Message.ShouldBe("--where: division by zero");
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe("good old export");
        Directory.GetFiles(_directory).ShouldBe([path]);
    }

    [Fact]
    public async Task Handle_Elapsed_IsTheClocksTimeAcrossTheExport()
    {
        // Arrange
        _exporter.ExportAsync(Arg.Any<ExportSelection>(), Arg.Any<CancellationToken>()).Returns(Slow(TestContext.Current.CancellationToken));
        using var stdout = new MemoryStream();

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Ndjson, "-", stdout), TestContext.Current.CancellationToken);

        // Assert
        result.Elapsed.ShouldBe(TimeSpan.FromSeconds(4));
        result.StudiesPerSecond.ShouldBe(0.5);
    }

    private ExportStudiesCommandHandler Handler() => new(_exporter, _clock);

    private void Returns(params ExportedStudy[] studies) =>
        _exporter.ExportAsync(Arg.Any<ExportSelection>(), Arg.Any<CancellationToken>()).Returns(studies.ToAsyncEnumerable());

    private static ExportedStudy Study(string nctId) => new(nctId, Encoding.UTF8.GetBytes($"{{\"nctId\":\"{nctId}\"}}"));

    private static async IAsyncEnumerable<ExportedStudy> Failing([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return Study("NCT00000001");
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        throw new ExportSelectionException("--where: division by zero");
    }

    private async IAsyncEnumerable<ExportedStudy> Slow([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var id in new[] { "NCT00000001", "NCT00000002" })
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            _clock.Advance(TimeSpan.FromSeconds(2));
            yield return Study(id);
        }
    }
}
