using System.Text;
using Clinical.Application.Common.Output;
using Clinical.Infrastructure.Output;

namespace Clinical.IntegrationTests.Infrastructure.Output;

public sealed class LocalOutputFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-output-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CommitAsync_File_TakesItsNameWithWhatWasWrittenAndReturnsItsSize()
    {
        // Arrange
        var path = Path.Combine(_directory, "out.json");
        var outputs = new LocalOutputFiles();

        // Act
        long? size;
        await using (var output = outputs.Open(path))
        {
            await output.Stream.WriteAsync("[\n{}\n]\n"u8.ToArray(), TestContext.Current.CancellationToken);
            File.Exists(path).ShouldBeFalse(); // not under its name before it is complete
            size = await output.CommitAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe("[\n{}\n]\n");
        size.ShouldBe(7);
        Directory.GetFiles(_directory).ShouldBe([path]);
    }

    [Fact]
    public async Task DisposeAsync_Uncommitted_LeavesTheOldFileAndNoPartialOne()
    {
        // Arrange
        var path = Path.Combine(_directory, "out.json");
        await File.WriteAllTextAsync(path, "good old export", TestContext.Current.CancellationToken);
        var outputs = new LocalOutputFiles();

        // Act
        await using (var output = outputs.Open(path))
        {
            await output.Stream.WriteAsync("[\n{},\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        // Assert
        (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ShouldBe("good old export");
        Directory.GetFiles(_directory).ShouldBe([path]);
    }

    [Fact]
    public async Task Open_Dash_WritesToStandardOutputAndReportsNoSize()
    {
        // Arrange
        var stdout = new MemoryStream();
        var outputs = new LocalOutputFiles(() => stdout);

        // Act
        long? size;
        await using (var output = outputs.Open(IOutputFiles.StandardOutput))
        {
            await output.Stream.WriteAsync("{}\n"u8.ToArray(), TestContext.Current.CancellationToken);
            size = await output.CommitAsync(TestContext.Current.CancellationToken);
            Encoding.UTF8.GetString(stdout.ToArray()).ShouldBe("{}\n");
        }

        // Assert
        size.ShouldBeNull();
        Directory.GetFiles(_directory).ShouldBeEmpty();
    }

    [Fact]
    public void Problem_FolderThatDoesNotExist_NamesTheOutput()
    {
        // Arrange
        var path = Path.Combine(_directory, "missing", "out.json");

        // Act
        var problem = new LocalOutputFiles().Problem(path);

        // Assert
        problem.ShouldBe($"The folder of '{path}' does not exist.");
    }

    [Theory]
    [InlineData("-")]
    [InlineData("out.json")]
    public void Problem_StandardOutputOrAFileInAnExistingFolder_IsNone(string output)
    {
        // Act
        var problem = new LocalOutputFiles().Problem(output == "-" ? output : Path.Combine(_directory, output));

        // Assert
        problem.ShouldBeNull();
    }
}
