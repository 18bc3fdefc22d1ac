using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// A hand-written <see cref="IStudyRecordParser"/>. NSubstitute cannot stand in for it: Castle.Core 5.1 (under NSubstitute 5.3)
/// emits invalid IL for a <see cref="ReadOnlySpan{T}"/> parameter and the call throws InvalidProgramException.
/// </summary>
internal sealed class StubStudyRecordParser(Func<byte[], StudyParseResult> parse) : IStudyRecordParser
{
    private readonly Func<byte[], StudyParseResult> _parse = parse;

    /// <summary>The bytes of every call, in call order.</summary>
    public List<byte[]> Calls { get; } = [];

    /// <summary>A parser that always answers <paramref name="result"/>.</summary>
    public static StubStudyRecordParser Returning(StudyParseResult result) => new(_ => result);

    /// <summary>A parser that reads the bytes with System.Text.Json (reflection, camelCase), failing with the JSON path.</summary>
    public static StubStudyRecordParser Json() => new(bytes =>
    {
        try
        {
            return JsonSerializer.Deserialize<StudyRecord>(bytes, RealStudies.Options) is { } record
                ? StudyParseResult.Ok(record)
                : StudyParseResult.Fail("The study is JSON null.", "$");
        }
        catch (JsonException ex)
        {
            return StudyParseResult.Fail(ex.Message, ex.Path);
        }
    });

    public StudyParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        var bytes = utf8.ToArray();
        Calls.Add(bytes);
        return _parse(bytes);
    }
}
