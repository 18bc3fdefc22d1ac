using System.Text;
using Clinical.Infrastructure.Json;

namespace Clinical.IntegrationTests.Infrastructure.Json;

/// <summary>
/// Where a study that stands on its own line ends: the splitter's cut of every study in the download. The block walk
/// (64 bytes at a time, by bit masks) must give what the byte-at-a-time walk gives, for every line: the index after the
/// study's closing brace, or -1 when a line break comes first (a pretty-printed study, or a raw break in a text).
/// </summary>
public sealed class JsonValueSkipperTests
{
    [Fact]
    public void OneLineEnd_EveryRealStudy_EndsAtItsClosingBraceAsTheByteWalkSays()
    {
        var lines = File.ReadAllLines(TestFixtures.RealStudiesPath).Where(l => l.StartsWith('{')).ToList();
        lines.Count.ShouldBe(200);

        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            var study = Encoding.UTF8.GetByteCount(line.TrimEnd(','));

            JsonValueSkipper.OneLineEnd(bytes, 0).ShouldBe(study);
            JsonValueSkipper.OneLineEndByBytes(bytes, 0).ShouldBe(study);
        }
    }

    [Theory]
    [InlineData(@"{""a"":""\\""}")] // an escaped backslash, then the closing quote
    [InlineData(@"{""a"":""\\\""}""}")] // an escaped backslash, then an escaped quote
    [InlineData(@"{""a"":[{""b"":""}""}],""c"":""{[""}")] // brackets inside texts
    public void OneLineEnd_EscapesAndBracketsInTextsAtEveryOffsetOfABlock_AsTheByteWalkSays(string value)
    {
        for (var pad = 0; pad < 130; pad++)
        {
            // The value shifted through two blocks' offsets, inside a study whose padding text crosses block edges.
            var study = $"{{\"pad\":\"{new string('x', pad)}\",\"v\":{value},\"tail\":\"{new string('y', 70)}\"}}";
            var bytes = Encoding.UTF8.GetBytes(study + ",\n{\"next\":1}");

            JsonValueSkipper.OneLineEnd(bytes, 0).ShouldBe(study.Length, $"padding {pad}");
            JsonValueSkipper.OneLineEndByBytes(bytes, 0).ShouldBe(study.Length, $"padding {pad}");
        }
    }

    [Fact]
    public void OneLineEnd_ALineBreakBeforeTheEnd_IsMinusOneWhereverItFalls()
    {
        var study = $"{{\"a\":\"{new string('x', 100)}\",\"b\":[1,2,{{\"c\":\"{new string('z', 90)}\"}}]}}";
        for (var at = 1; at < study.Length; at++)
        {
            var bytes = Encoding.UTF8.GetBytes(study[..at] + "\n" + study[at..] + "\n");

            JsonValueSkipper.OneLineEnd(bytes, 0).ShouldBe(-1, $"break at {at}");
        }
    }

    [Fact]
    public void OneLineEnd_TheStudyNotEndedWithinTheData_IsMinusOne()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{\"a\":\"{new string('x', 300)}\",\"b\":{{\"c\":1}}");

        JsonValueSkipper.OneLineEnd(bytes, 0).ShouldBe(-1);
    }

    [Fact]
    public void OneLineEnd_RandomTextsOfQuotesBackslashesBracketsAndBreaks_AlwaysAsTheByteWalkSays()
    {
        // Seeded: texts made mostly of the bytes the walk reacts to, so runs of backslashes, escaped quotes and brackets
        // fall on every block edge. Each is tried from several starts, as the splitter calls it mid-buffer.
        var random = new Random(20261207);
        const string alphabet = "\"\\{}[]\nab,:";
        var ended = 0;
        var differences = new List<string>();
        for (var round = 0; round < 3000; round++)
        {
            var bytes = new byte[random.Next(1, 400)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)alphabet[random.Next(random.Next(2) == 0 ? 4 : alphabet.Length)];
            }

            bytes[0] = (byte)'{';
            var expected = JsonValueSkipper.OneLineEndByBytes(bytes, 0);
            var actual = JsonValueSkipper.OneLineEnd(bytes, 0);
            if (actual != expected)
            {
                differences.Add($"{actual} instead of {expected}: {Encoding.ASCII.GetString(bytes).ReplaceLineEndings("⏎")}");
            }

            ended += expected > 0 ? 1 : 0;
        }

        differences.ShouldBeEmpty();
        ended.ShouldBeGreaterThan(100); // many of them do end on their line
    }

    [Fact]
    public void OneLineEnd_RandomValidStudiesWithEscapeRunsAndBracketsInTexts_EndAtTheirClosingBrace()
    {
        // Seeded: nested objects and arrays whose texts hold runs of escaped backslashes, escaped quotes and brackets, so
        // the block walk (not the byte walk it falls back to on a backslash outside a text) decides each of them.
        var random = new Random(7);
        for (var round = 0; round < 2000; round++)
        {
            var study = new StringBuilder();
            Value(study, random, depth: 0, isObject: true);
            var bytes = Encoding.UTF8.GetBytes(study + ",\n{\"next\":1}");
            var end = Encoding.UTF8.GetByteCount(study.ToString());

            JsonValueSkipper.OneLineEnd(bytes, 0).ShouldBe(end, study.ToString());
            JsonValueSkipper.OneLineEndByBytes(bytes, 0).ShouldBe(end, study.ToString());
        }
    }

    private static void Value(StringBuilder json, Random random, int depth, bool isObject)
    {
        json.Append(isObject ? '{' : '[');
        var count = random.Next(depth == 0 ? 1 : 0, 5);
        for (var i = 0; i < count; i++)
        {
            json.Append(i > 0 ? "," : "");
            if (isObject)
            {
                Text(json, random);
                json.Append(':');
            }

            switch (random.Next(depth < 4 ? 4 : 2))
            {
                case 0: Text(json, random); break;
                case 1: json.Append(random.Next(1000)); break;
                default: Value(json, random, depth + 1, isObject: random.Next(2) == 0); break;
            }
        }

        json.Append(isObject ? '}' : ']');
    }

    private static void Text(StringBuilder json, Random random)
    {
        string[] pieces = ["\\\\", "\\\"", "{", "}", "[", "]", "ab", "é", new string('x', random.Next(70))];
        json.Append('"');
        for (var n = random.Next(12); n > 0; n--)
        {
            json.Append(pieces[random.Next(pieces.Length)]);
        }

        json.Append('"');
    }
}
