using System.Text.Json;
using Clinical.Application.Studies.Import;

namespace Clinical.UnitTests.TestData;

/// <summary>
/// A hand-written <see cref="IStudyDecoder"/>. NSubstitute cannot stand in for it: Castle.Core emits invalid IL for a
/// <see cref="ReadOnlySpan{T}"/> parameter and the call throws InvalidProgramException.
/// </summary>
internal sealed class StubStudyDecoder(Func<byte[], DecodedStudy> decode) : IStudyDecoder
{
    private readonly Func<byte[], DecodedStudy> _decode = decode;

    /// <summary>The bytes of every call, in call order.</summary>
    public List<byte[]> Calls { get; } = [];

    /// <summary>A decoder that always answers <paramref name="result"/>.</summary>
    public static StubStudyDecoder Returning(DecodedStudy result) => new(_ => result);

    /// <summary>A decoder that reads the bytes with System.Text.Json (reflection, camelCase), failing with the JSON path; it notes nothing else.</summary>
    public static StubStudyDecoder Json() => new(bytes =>
    {
        try
        {
            return JsonSerializer.Deserialize<StudyRecord>(bytes, RealStudies.Options) is { } record
                ? DecodedStudy.Ok(record)
                : DecodedStudy.Fail("The study is JSON null.", "$");
        }
        catch (JsonException ex)
        {
            return DecodedStudy.Fail(ex.Message, ex.Path);
        }
    });

    public DecodedStudy Decode(ReadOnlySpan<byte> utf8)
    {
        var bytes = utf8.ToArray();
        Calls.Add(bytes);
        return _decode(bytes);
    }
}
