using System.Text.Json.Serialization;

namespace Clinical.Infrastructure.Persistence;

[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;
