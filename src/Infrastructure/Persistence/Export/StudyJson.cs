using System.Text.Json.Nodes;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>One stored study put back together as the registry's JSON record.</summary>
public sealed record StudyJson(string NctId, JsonObject Document);
