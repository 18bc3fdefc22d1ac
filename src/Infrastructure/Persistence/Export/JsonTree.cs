using System.Globalization;
using System.Text.Json.Nodes;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// Small helpers to build a study's JSON from the top down: get-or-create objects and arrays by property name, and put a
/// value at a JSON path with array indices ("protocolSection.armsInterventionsModule.interventions[2].otherNames").
/// </summary>
internal static class JsonTree
{
    public static JsonObject ObjectAt(JsonObject parent, string name)
    {
        if (parent.TryGetPropertyValue(name, out var node) && node is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    public static JsonArray ArrayAt(JsonObject parent, string name)
    {
        if (parent.TryGetPropertyValue(name, out var node) && node is JsonArray existing)
        {
            return existing;
        }

        var created = new JsonArray();
        parent[name] = created;
        return created;
    }

    /// <summary>Sets <paramref name="value"/> at the property path <paramref name="path"/> below <paramref name="parent"/>, creating objects on the way.</summary>
    public static void Set(JsonObject parent, string[] path, JsonNode? value)
    {
        var target = parent;
        for (var i = 0; i < path.Length - 1; i++)
        {
            target = ObjectAt(target, path[i]);
        }

        target[path[^1]] = value;
    }

    /// <summary>The node at an indexed JSON path, or null when there is none (or it is JSON null).</summary>
    public static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (var (name, index) in Steps(path))
        {
            node = name is not null
                ? node is JsonObject o && o.TryGetPropertyValue(name, out var child) ? child : null
                : node is JsonArray a && index < a.Count ? a[index] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// Puts <paramref name="value"/> at an indexed JSON path below <paramref name="root"/>, creating the objects and arrays on
    /// the way (an array is padded with nulls up to an index). With <paramref name="onlyIfAbsent"/>, a value already there
    /// stays. Returns false when the path runs through a value of another kind (the value is then not placed).
    /// </summary>
    public static bool Place(JsonObject root, string path, JsonNode? value, bool onlyIfAbsent)
    {
        var steps = Steps(path);
        JsonNode container = root;
        for (var i = 0; i < steps.Count; i++)
        {
            var (name, index) = steps[i];
            var last = i == steps.Count - 1;
            JsonNode? existing;
            if (name is not null)
            {
                if (container is not JsonObject obj)
                {
                    return false;
                }

                var present = obj.TryGetPropertyValue(name, out existing);
                if (last)
                {
                    if (!(onlyIfAbsent && present))
                    {
                        obj[name] = value;
                    }

                    return true;
                }

                if (existing is null)
                {
                    existing = steps[i + 1].Name is null ? new JsonArray() : new JsonObject();
                    obj[name] = existing;
                }
            }
            else
            {
                if (container is not JsonArray array)
                {
                    return false;
                }

                while (array.Count < index)
                {
                    array.Add(null);
                }

                if (last)
                {
                    if (array.Count == index)
                    {
                        array.Add(value);
                    }
                    else if (!(onlyIfAbsent && array[index] is not null))
                    {
                        array[index] = value;
                    }

                    return true;
                }

                existing = array.Count > index ? array[index] : null;
                if (existing is null)
                {
                    existing = steps[i + 1].Name is null ? new JsonArray() : new JsonObject();
                    if (array.Count == index)
                    {
                        array.Add(existing);
                    }
                    else
                    {
                        array[index] = existing;
                    }
                }
            }

            container = existing;
        }

        return true;
    }

    /// <summary>The steps of an indexed path: a property name, or (name null) an array index.</summary>
    public static List<(string? Name, int Index)> Steps(string path)
    {
        var steps = new List<(string?, int)>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (name.Length > 0)
            {
                steps.Add((name, -1));
            }

            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0)
                {
                    throw new FormatException($"'{path}' is not a JSON path: a '[' without its ']'.");
                }

                steps.Add((null, int.Parse(segment.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture)));
                bracket = segment.IndexOf('[', close);
            }
        }

        return steps;
    }
}
