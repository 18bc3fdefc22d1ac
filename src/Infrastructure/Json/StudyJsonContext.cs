using System.Text.Json.Serialization;
using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>Source-generated System.Text.Json metadata for the wire records: camelCase names, unknown members ignored.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(StudyRecord))]
internal sealed partial class StudyJsonContext : JsonSerializerContext;
