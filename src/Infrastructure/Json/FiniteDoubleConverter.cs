using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Reads a JSON number as a double, refusing one beyond a double's range (1e400 would read as infinity, which no JSON
/// can state back): the study then goes through the salvage pass, which stores the field as null with an
/// <c>unrepresentable</c> finding.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw new JsonException("The value is not a number within the range of a double.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
