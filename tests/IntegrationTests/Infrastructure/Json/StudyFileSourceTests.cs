using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

public sealed class StudyFileSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("clinical-source-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ReadAsync_RealDownload_YieldsEveryStudyAsItsExactBytesWithOffsetsAndLines()
    {
        var bytes = await File.ReadAllBytesAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken);

        var studies = await ReadAllAsync(TestFixtures.RealStudiesPath);

        studies.Count.ShouldBe(200);
        for (var i = 0; i < studies.Count; i++)
        {
            var study = studies[i];
            study.Ordinal.ShouldBe(i);
            study.Line.ShouldBe(i + 2); // line 1 is "[", then one study per line
            bytes.AsSpan((int)study.ByteOffset, study.Utf8.Length).SequenceEqual(study.Utf8.Span).ShouldBeTrue();
            study.Utf8.Span[0].ShouldBe((byte)'{');
            study.Utf8.Span[^1].ShouldBe((byte)'}');
        }
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkAndPrettyPrinting_AreTolerated()
    {
        var path = Write("bom.json", "\uFEFF[\n  {\n    \"a\": 1\n  },\n\n  {\"b\": [1, 2]}\n]\n");

        var studies = await ReadAllAsync(path);

        studies.Select(s => Encoding.UTF8.GetString(s.Utf8.Span)).ShouldBe(["{\n    \"a\": 1\n  }", "{\"b\": [1, 2]}"]);
        studies[0].ByteOffset.ShouldBe(7); // BOM (3 bytes) + "[\n  " (4 bytes)
        studies[1].Line.ShouldBe(6);
    }

    [Fact]
    public async Task ReadAsync_ApiPageWithNoStudies_YieldsNothing()
    {
        var studies = await ReadAllAsync(Write("empty-page.json", "{\"studies\": [], \"totalCount\": 0}"));

        studies.ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_YieldsNothing()
    {
        var studies = await ReadAllAsync(Write("empty-array.json", " [ ] \n"));

        studies.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n ", "empty")]
    [InlineData("42", "root is a JSON number")]
    [InlineData("\"text\"", "root is a JSON string")]
    public async Task ReadAsync_NotAnArray_ThrowsWithAClearReason(string content, string expected)
    {
        var path = Write("not-array.json", content);

        var ex = await Should.ThrowAsync<StudySourceException>(() => ReadAllAsync(path));

        ex.Message.ShouldContain(expected, Case.Insensitive);
        ex.Message.ShouldStartWith(path);
    }

    [Fact]
    public async Task ReadAsync_SyntaxErrorInTheMiddle_HandsOnTheBrokenStudyAndResumesAtTheNextLine()
    {
        var path = Write("broken.json", "[\n{\"n\":1},\n{\"n\":2},\n{\"n\":3,,},\n{\"n\":4}\n]\n");

        var studies = await ReadAllAsync(path);

        studies.Select(s => Encoding.UTF8.GetString(s.Utf8.Span)).ShouldBe(["{\"n\":1}", "{\"n\":2}", "{\"n\":3,,}", "{\"n\":4}"]);
        studies[2].ByteOffset.ShouldBe(20);
        studies[2].Line.ShouldBe(4);
        studies[3].Line.ShouldBe(5);
        new StudyDecoder().Decode(studies[2].Utf8.Span).Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ReadAsync_OneStudyPerLineWithBracketsQuotesAndEscapesInTexts_EachStudyWholeAtItsLine()
    {
        string[] studies =
        [
            """{"a":"} { ] [","b":["\"}",{"c":"\\"}]}""",
            """{"d":"a\\\"}\\","e":{}}""",
            """{"f":[[],{}],"g":"\u007d","h":"é ✓ 𝄞"}""",
        ];
        var path = Write("tricky.json", "[\n" + string.Join(",\n", studies) + "\n]\n");

        var read = await ReadAllAsync(path);

        read.Select(s => Encoding.UTF8.GetString(s.Utf8.Span)).ShouldBe(studies);
        read.Select(s => s.Line).ShouldBe([2L, 3L, 4L]);
        foreach (var study in read)
        {
            using var _ = System.Text.Json.JsonDocument.Parse(study.Utf8); // each is one whole JSON value
        }
    }

    [Fact]
    public async Task ReadAsync_StudyLeftOpenOnItsLine_HandedOnAsFarAsTheNextStudyWhichIsKept()
    {
        var path = Write("open.json", "[\n{\"n\":1,\"a\":{\"b\":2},\n{\"n\":2}\n]\n");

        var studies = await ReadAllAsync(path);

        studies.Select(s => Encoding.UTF8.GetString(s.Utf8.Span)).ShouldBe(["{\"n\":1,\"a\":{\"b\":2}", "{\"n\":2}"]);
        studies[1].Line.ShouldBe(3);
        new StudyDecoder().Decode(studies[0].Utf8.Span).Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ReadAsync_SyntaxErrorAcrossLinesWithNoStudyAfterIt_YieldsTheStudiesBeforeItThenNamesLineAndOffset()
    {
        var path = Write("broken-end.json", "[\n{\"n\":1},\n{\"n\":2},\n{\"n\":3,\n,}\n");
        var (seen, ex) = await ReadUntilFailureAsync(path);

        seen.Count.ShouldBe(2);
        ex.Line.ShouldBe(5);
        ex.ByteOffset.ShouldBe(28); // the second comma, first on line 5 (line 4, {"n":3, starts at byte 20)
        ex.Message.ShouldContain("line 5");
    }

    [Fact]
    public async Task ReadAsync_BrokenLastStudyOnItsLineAndNoClosingBracket_HandsOnTheStudyThenReportsTruncation()
    {
        // A study on a line of its own is handed on without being tokenised: the decoder quarantines it with its own error.
        var path = Write("broken-last.json", "[\n{\"n\":1},\n{\"n\":2},\n{\"n\":3,,}\n");
        var (seen, ex) = await ReadUntilFailureAsync(path);

        seen.Select(s => Encoding.UTF8.GetString(s.Utf8.Span)).ShouldBe(["{\"n\":1}", "{\"n\":2}", "{\"n\":3,,}"]);
        new StudyDecoder().Decode(seen[2].Utf8.Span).Error.ShouldNotBeNull();
        ex.Truncated.ShouldBeTrue();
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_YieldsCompleteStudiesThenReportsTruncation()
    {
        var full = await File.ReadAllBytesAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken);
        var path = Path.Combine(_directory, "truncated.json");
        await File.WriteAllBytesAsync(path, full.AsSpan(0, full.Length / 2).ToArray(), TestContext.Current.CancellationToken);
        var seen = 0;

        var ex = await Should.ThrowAsync<StudySourceException>(async () =>
        {
            await foreach (var _ in new StudyFileSource().ReadAsync(path, TestContext.Current.CancellationToken))
            {
                seen++;
            }
        });

        seen.ShouldBeGreaterThan(50);
        seen.ShouldBeLessThan(200);
        ex.Message.ShouldContain("truncated", Case.Insensitive);
    }

    [Fact]
    public async Task ReadAsync_StudyLargerThanTheReadBuffer_IsYieldedWhole()
    {
        var big = new string('x', 5_000_000);
        var path = Write("big.json", $"[{{\"a\":\"{big}\"}},{{\"b\":1}}]");

        var studies = await ReadAllAsync(path);

        studies.Count.ShouldBe(2);
        studies[0].Utf8.Length.ShouldBe(big.Length + 8);
        studies[1].ByteOffset.ShouldBe(big.Length + 10);
    }

    [Fact]
    public async Task ReadAsync_DeeplyNestedStudy_IsYieldedForTheParserToReject()
    {
        var path = Write("nested.json", "[" + new string('[', 100_000) + new string(']', 100_000) + ",{\"ok\":1}]");

        var studies = await ReadAllAsync(path);

        studies.Count.ShouldBe(2);
        new StudyDecoder().Decode(studies[0].Utf8.Span).Error.ShouldNotBeNull();
    }

    [Fact]
    public async Task ReadAsync_MissingFileOrDirectory_ThrowsWithAClearReason()
    {
        var missing = await Should.ThrowAsync<StudySourceException>(() => ReadAllAsync(Path.Combine(_directory, "nope.json")));
        var directory = await Should.ThrowAsync<StudySourceException>(() => ReadAllAsync(_directory));

        missing.Message.ShouldContain("does not exist");
        directory.Message.ShouldContain("directory");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The studies read before the input failed, and the failure.</summary>
    private static async Task<(List<RawStudy> Seen, StudySourceException Failure)> ReadUntilFailureAsync(string path)
    {
        var seen = new List<RawStudy>();
        var failure = await Should.ThrowAsync<StudySourceException>(async () =>
        {
            await foreach (var study in new StudyFileSource().ReadAsync(path, TestContext.Current.CancellationToken))
            {
                seen.Add(study);
            }
        });
        return (seen, failure);
    }

    private static async Task<List<RawStudy>> ReadAllAsync(string path)
    {
        var studies = new List<RawStudy>();
        await foreach (var study in new StudyFileSource().ReadAsync(path, TestContext.Current.CancellationToken))
        {
            studies.Add(study);
        }

        return studies;
    }
}
