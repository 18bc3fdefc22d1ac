using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Resolves a JSON path of the table description ("protocolSection.designModule.phases", arrays flattened) against the
/// wire records, the way System.Text.Json names their properties: [JsonPropertyName], else the camelCase of the name.
/// A segment that names no property throws, so the description and the wire records cannot drift apart silently.
/// </summary>
public static class WireRecordPath
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> PropertiesByJsonName = new();

    public static IReadOnlyList<WireRecordStep> Resolve(Type root, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonPath);
        var steps = new List<WireRecordStep>();
        var type = root;
        foreach (var segment in jsonPath.Split('.'))
        {
            if (steps.Count > 0 && (steps[^1].ValueType == typeof(string) || steps[^1].ValueType.IsValueType))
            {
                throw new InvalidOperationException(
                    $"The schema path '{jsonPath}' does not resolve against {root.Name}: '{steps[^1].JsonName}' is a {steps[^1].ValueType.Name}, it has no '{segment}'.");
            }

            if (!Properties(type).TryGetValue(segment, out var property))
            {
                throw new InvalidOperationException(
                    $"The schema path '{jsonPath}' does not resolve against {root.Name}: {type.Name} has no property whose JSON name is '{segment}'.");
            }

            var step = new WireRecordStep(segment, property, ListItemType(property.PropertyType));
            steps.Add(step);
            type = step.ValueType;
        }

        return steps;
    }

    /// <summary>The JSON name System.Text.Json gives <paramref name="property"/> under the camelCase naming policy.</summary>
    public static string JsonName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    /// <summary>T for a property typed IReadOnlyList&lt;T&gt; (or a type implementing it, such as List&lt;T&gt; or T[]); else null.</summary>
    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
        return list?.GetGenericArguments()[0];
    }

    private static IReadOnlyDictionary<string, PropertyInfo> Properties(Type type) =>
        PropertiesByJsonName.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(JsonName, StringComparer.Ordinal));
}
