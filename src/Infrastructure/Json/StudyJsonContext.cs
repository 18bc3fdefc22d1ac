using System.Text.Json.Serialization;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for the wire records: camelCase names, unknown members ignored, doubles
/// beyond range refused (<see cref="FiniteDoubleConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata, Converters = [typeof(FiniteDoubleConverter)])]
[JsonSerializable(typeof(StudyRecord))]
internal sealed partial class StudyJsonContext : JsonSerializerContext;
