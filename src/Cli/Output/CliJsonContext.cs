using System.Text.Json.Serialization;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence;

namespace Clinical.Cli.Output;

/// <summary>The machine-readable summaries of <c>--json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ImportStudiesResult))]
[JsonSerializable(typeof(IReadOnlyList<RunRow>))]
[JsonSerializable(typeof(DatabaseStatistics))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
