using System.Runtime.CompilerServices;
using System.Text;
using Clinical.Application.Studies.Export;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Export;

public sealed class ExportStudiesCommandHandlerTests
{
    private readonly IStudyExporter _exporter = Substitute.For<IStudyExporter>();
    private readonly ManualTimeProvider _clock = new();
    private readonly MemoryOutputFiles _outputs = new();
    private readonly IStudyTableExporter _tables = Substitute.For<IStudyTableExporter>();
    private readonly ITableExportProgress _progress = Substitute.For<ITableExportProgress>();

    [Theory]
    [InlineData(ExportFormat.Parquet, false)]
    [InlineData(ExportFormat.Csv, true)]
    [InlineData(ExportFormat.DuckDb, false)]
    public async Task Handle_TableFormat_HasTheTableExporterWriteAndReportsItsTablesRowsAndBytes(ExportFormat format, bool gzip)
    {
        // Arrange
        var selection = new ExportSelection(["NCT00000001"], "s.enrollment > 1", false);
        _tables.ExportAsync(selection, format, "out", gzip, _progress, Arg.Any<CancellationToken>()).Returns(new ExportedTables(111, 5000, 123456));

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(selection, format, "out", gzip), TestContext.Current.CancellationToken);

        // Assert
        (result.Tables, result.Rows, result.Bytes, result.Studies, result.Output).ShouldBe((111, 5000L, 123456L, 0L, "out"));
        _exporter.ReceivedCalls().ShouldBeEmpty();
        _outputs.Committed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Handle_ArrayFormat_WritesTheDownloadsShapeOneStudyPerLine()
    {
        // Arrange
        Returns(Study("NCT00000001"), Study("NCT00000002"));
        const string path = "out.json";

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, path), TestContext.Current.CancellationToken);

        // Assert
        var expected = "[\n{\"nctId\":\"NCT00000001\"},\n{\"nctId\":\"NCT00000002\"}\n]\n";
        Encoding.UTF8.GetString(_outputs.Committed[path]).ShouldBe(expected);
        result.Studies.ShouldBe(2);
        result.Bytes.ShouldBe(expected.Length);
        result.Output.ShouldBe(path);
    }

    [Fact]
    public async Task Handle_NdjsonFormat_WritesOneStudyPerLineAndNothingElse()
    {
        // Arrange
        Returns(Study("NCT00000001"), Study("NCT00000002"));

        // Act
        await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Ndjson, "-"), TestContext.Current.CancellationToken);

        // Assert
        Encoding.UTF8.GetString(_outputs.Committed["-"]).ShouldBe("{\"nctId\":\"NCT00000001\"}\n{\"nctId\":\"NCT00000002\"}\n");
    }

    [Fact]
    public async Task Handle_NothingSelected_WritesAnEmptyArray()
    {
        // Arrange
        Returns();

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, "-"), TestContext.Current.CancellationToken);

        // Assert
        Encoding.UTF8.GetString(_outputs.Committed["-"]).ShouldBe("[]\n");
        result.Studies.ShouldBe(0);
    }

    [Fact]
    public async Task Handle_SelectionFailsAfterSomeStudies_CommitsNothing()
    {
        // Arrange
        const string path = "out.json";
        _exporter.ExportAsync(Arg.Any<ExportSelection>(), Arg.Any<CancellationToken>()).Returns(Failing(TestContext.Current.CancellationToken));

        // Act
        var thrown = await Should.ThrowAsync<ExportSelectionException>(() => Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Array, path), TestContext.Current.CancellationToken).AsTask());

        // Assert
        thrown.Message.ShouldBe("--where: division by zero");
        _outputs.Committed.ShouldBeEmpty();
        _outputs.Abandoned.ShouldBe([path]);
    }

    [Fact]
    public async Task Handle_Elapsed_IsTheClocksTimeAcrossTheExport()
    {
        // Arrange
        _exporter.ExportAsync(Arg.Any<ExportSelection>(), Arg.Any<CancellationToken>()).Returns(Slow(TestContext.Current.CancellationToken));

        // Act
        var result = await Handler().Handle(new ExportStudiesCommand(ExportSelection.All, ExportFormat.Ndjson, "-"), TestContext.Current.CancellationToken);

        // Assert
        result.Elapsed.ShouldBe(TimeSpan.FromSeconds(4));
        result.StudiesPerSecond.ShouldBe(0.5);
    }

    private ExportStudiesCommandHandler Handler() => new(_exporter, _tables, _progress, _outputs, _clock);

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
