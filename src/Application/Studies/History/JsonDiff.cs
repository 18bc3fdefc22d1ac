using System.Text.Json;

namespace Clinical.Application.Studies.History;

/// <summary>
/// What changed between two JSON documents, as paths with old and new values. Objects are compared key by key; arrays
/// element by element after matching equal elements (a longest common subsequence), so a location removed from the
/// middle of a list is one removal, not a change of every location after it. Numbers are compared as spelled
/// (<c>1.50</c> and <c>1.5</c> differ, as they do to the registry's content hash); key order never matters.
/// </summary>
public static class JsonDiff
{
    // Beyond this many element pairs, arrays are compared position by position (the matching would cost too much memory).
    private const long MaxMatchCells = 4_000_000;

    public static IReadOnlyList<JsonChange> Compare(JsonElement old, JsonElement @new)
    {
        var changes = new List<JsonChange>();
        Compare(string.Empty, old, @new, changes);
        return changes;
    }

    private static void Compare(string path, JsonElement old, JsonElement @new, List<JsonChange> changes)
    {
        if (old.ValueKind == JsonValueKind.Object && @new.ValueKind == JsonValueKind.Object)
        {
            CompareObjects(path, old, @new, changes);
        }
        else if (old.ValueKind == JsonValueKind.Array && @new.ValueKind == JsonValueKind.Array)
        {
            CompareArrays(path, old, @new, changes);
        }
        else if (!Same(old, @new))
        {
            changes.Add(new JsonChange(path, old.Clone(), @new.Clone()));
        }
    }

    private static void CompareObjects(string path, JsonElement old, JsonElement @new, List<JsonChange> changes)
    {
        foreach (var property in old.EnumerateObject())
        {
            var child = Child(path, property.Name);
            if (@new.TryGetProperty(property.Name, out var value))
            {
                Compare(child, property.Value, value, changes);
            }
            else
            {
                changes.Add(new JsonChange(child, property.Value.Clone(), null));
            }
        }

        foreach (var property in @new.EnumerateObject())
        {
            if (!old.TryGetProperty(property.Name, out _))
            {
                changes.Add(new JsonChange(Child(path, property.Name), null, property.Value.Clone()));
            }
        }
    }

    private static void CompareArrays(string path, JsonElement old, JsonElement @new, List<JsonChange> changes)
    {
        var before = old.EnumerateArray().ToArray();
        var after = @new.EnumerateArray().ToArray();
        var start = 0;
        while (start < before.Length && start < after.Length && Same(before[start], after[start]))
        {
            start++;
        }

        var (endBefore, endAfter) = (before.Length, after.Length);
        while (endBefore > start && endAfter > start && Same(before[endBefore - 1], after[endAfter - 1]))
        {
            endBefore--;
            endAfter--;
        }

        var (n, m) = (endBefore - start, endAfter - start);
        if ((long)n * m > MaxMatchCells)
        {
            for (var i = 0; i < Math.Max(n, m); i++)
            {
                Pair(path, before, after, i < n ? start + i : -1, i < m ? start + i : -1, changes);
            }

            return;
        }

        // Longest common subsequence of the middle parts; walking it gives runs of removed and added elements, and a
        // removed element facing an added one is compared as a change of that element.
        var lengths = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lengths[i, j] = Same(before[start + i], after[start + j]) ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var (x, y) = (0, 0);
        var removed = new List<int>();
        var added = new List<int>();
        while (x < n || y < m)
        {
            if (x < n && y < m && Same(before[start + x], after[start + y]))
            {
                Flush();
                x++;
                y++;
            }
            else if (y < m && (x == n || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                added.Add(start + y++);
            }
            else
            {
                removed.Add(start + x++);
            }
        }

        Flush();

        void Flush()
        {
            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                Pair(path, before, after, k < removed.Count ? removed[k] : -1, k < added.Count ? added[k] : -1, changes);
            }

            removed.Clear();
            added.Clear();
        }
    }

    private static void Pair(string path, JsonElement[] before, JsonElement[] after, int i, int j, List<JsonChange> changes)
    {
        if (i >= 0 && j >= 0)
        {
            Compare($"{path}[{j}]", before[i], after[j], changes);
        }
        else if (i >= 0)
        {
            changes.Add(new JsonChange($"{path}[{i}]", before[i].Clone(), null));
        }
        else
        {
            changes.Add(new JsonChange($"{path}[{j}]", null, after[j].Clone()));
        }
    }

    private static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out var other) || !Same(property.Value, other))
                    {
                        return false;
                    }
                }

                return count == b.EnumerateObject().Count();
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!Same(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.String:
                return a.ValueEquals(b.GetString());
            case JsonValueKind.Number:
                return a.GetRawText() == b.GetRawText();
            default:
                return true;
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
