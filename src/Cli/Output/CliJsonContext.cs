using System.Text.Json.Serialization;
using Clinical.Application.Runs.GetRecentRuns;
using Clinical.Application.Statistics.GetStatistics;
using Clinical.Application.Studies.History;
using Clinical.Application.Studies.Import;

namespace Clinical.Cli.Output;

/// <summary>The machine-readable summaries of <c>--json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ImportStudiesResult))]
[JsonSerializable(typeof(IReadOnlyList<RecentRun>))]
[JsonSerializable(typeof(DatabaseStatistics))]
[JsonSerializable(typeof(IReadOnlyList<StudyHistory>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
