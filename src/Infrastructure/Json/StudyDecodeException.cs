namespace Clinical.Infrastructure.Json;

/// <summary>A study that cannot be read at all, not even by salvaging values (e.g. a value that is not valid UTF-8).</summary>
internal sealed class StudyDecodeException(string message, string jsonPath) : Exception(message)
{
    public string JsonPath { get; } = jsonPath;
}
