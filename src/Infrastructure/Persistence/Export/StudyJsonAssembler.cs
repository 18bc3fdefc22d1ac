using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinical.Infrastructure.Persistence.Schema;
using Npgsql;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// Puts a batch of studies back together from their rows, table after table (parents before children), each table's rows
/// in key order: a row's ordinals lead, level by level, to the array element it is, and each column that holds a value as
/// sent puts it at its JSON path below that element. Then what the columns cannot hold goes back from the study's JSON
/// shape (empty objects and arrays, nulls, verbatim copies) and from findings that kept a salvaged value's raw JSON.
/// </summary>
internal sealed class StudyJsonAssembler
{
    private readonly Dictionary<string, JsonObject> _studies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Path, string Json)>> _salvaged = new(StringComparer.Ordinal);
    private readonly int[] _ordinals = new int[RowKey.MaxDepth];

    private static readonly string[] NctIdPath = ["protocolSection", "identificationModule", "nctId"];

    /// <summary>Adds one row of <paramref name="table"/> (as its <see cref="TableExport.Sql"/> selects it).</summary>
    public void AddRow(NpgsqlDataReader reader, TableExport table)
    {
        var nctId = reader.GetString(0);
        var kind = table.HasKind ? reader.GetString(1) : null;
        var depth = table.Levels.Count;
        var first = table.KeyCount - depth;
        for (var level = 0; level < depth; level++)
        {
            _ordinals[level] = reader.GetInt32(first + level);
        }

        var values = table.KeyCount + table.ExtraCount;
        if (depth == 0)
        {
            var root = new JsonObject();
            JsonTree.Set(root, NctIdPath, nctId);
            _studies[nctId] = root;
            if (!reader.IsDBNull(table.KeyCount))
            {
                _shapes[nctId] = reader.GetString(table.KeyCount);
            }

            WriteColumns(reader, table, root, values);
            return;
        }

        if (!_studies.TryGetValue(nctId, out var study) || Element(study, table, kind, depth) is not { } array)
        {
            return; // a row without its study or parent element: nothing to put it under
        }

        if (table.ElementIsValue)
        {
            array.Add(Read(reader, values, table.Columns[0].SqlType));
            return;
        }

        var element = new JsonObject();
        array.Add(element);
        WriteColumns(reader, table, element, values);
    }

    /// <summary>A finding that kept the raw JSON of a value no column could hold: it goes back at its path.</summary>
    public void AddSalvaged(string nctId, string jsonPath, string rawJson)
    {
        if (!_salvaged.TryGetValue(nctId, out var list))
        {
            _salvaged[nctId] = list = [];
        }

        list.Add((jsonPath, rawJson));
    }

    /// <summary>The studies of <paramref name="nctIds"/> that have a row, in that order, each completed from its shape and findings.</summary>
    public IEnumerable<StudyJson> Complete(IEnumerable<string> nctIds)
    {
        foreach (var nctId in nctIds)
        {
            if (!_studies.TryGetValue(nctId, out var root))
            {
                continue;
            }

            var shape = _shapes.TryGetValue(nctId, out var text) ? JsonNode.Parse(text) as JsonObject : null;
            if (shape?["empty"] is JsonObject empties)
            {
                foreach (var (path, literal) in empties)
                {
                    JsonTree.Place(root, path, literal?.DeepClone(), onlyIfAbsent: true);
                }
            }

            if (_salvaged.TryGetValue(nctId, out var salvaged))
            {
                foreach (var (path, json) in salvaged)
                {
                    if (TryParse(json) is var (ok, value) && ok)
                    {
                        JsonTree.Place(root, path, value, onlyIfAbsent: false);
                    }
                }
            }

            if (shape?["copies"] is JsonObject copies)
            {
                foreach (var (path, source) in copies)
                {
                    if (source?.GetValue<string>() is { } from && JsonTree.Find(root, from) is { } original)
                    {
                        JsonTree.Place(root, path, original.DeepClone(), onlyIfAbsent: true);
                    }
                }
            }

            yield return new StudyJson(nctId, root);
        }
    }

    /// <summary>The array that holds the row's element (the element is then appended to it); null for an orphan row.</summary>
    private JsonArray? Element(JsonObject study, TableExport table, string? kind, int depth)
    {
        var node = study;
        for (var level = 0; level < depth; level++)
        {
            if (table.Levels[level].PathFor(kind) is not { } path)
            {
                return null;
            }

            var parent = node;
            for (var i = 0; i < path.Length - 1; i++)
            {
                parent = JsonTree.ObjectAt(parent, path[i]);
            }

            var array = JsonTree.ArrayAt(parent, path[^1]);
            if (level == depth - 1)
            {
                return array;
            }

            var ordinal = _ordinals[level];
            if (ordinal >= array.Count || array[ordinal] is not JsonObject element)
            {
                return null;
            }

            node = element;
        }

        return null;
    }

    private static void WriteColumns(NpgsqlDataReader reader, TableExport table, JsonObject element, int first)
    {
        var columns = table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (Read(reader, first + c, columns[c].SqlType) is { } value)
            {
                JsonTree.Set(element, columns[c].Path, value);
            }
        }
    }

    private static JsonNode? Read(NpgsqlDataReader reader, int ordinal, string sqlType) =>
        reader.IsDBNull(ordinal) ? null : sqlType switch
        {
            SqlTypes.Text => JsonValue.Create(reader.GetString(ordinal)),
            SqlTypes.Boolean => JsonValue.Create(reader.GetBoolean(ordinal)),
            SqlTypes.Integer => JsonValue.Create(reader.GetInt32(ordinal)),
            SqlTypes.BigInt => JsonValue.Create(reader.GetInt64(ordinal)),
            SqlTypes.Numeric => JsonValue.Create(reader.GetDecimal(ordinal)),
            SqlTypes.Double => JsonValue.Create(reader.GetDouble(ordinal)),
            SqlTypes.Date => JsonValue.Create(reader.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"The export cannot read a column of type {sqlType}."),
        };

    private static (bool Ok, JsonNode? Value) TryParse(string json)
    {
        try
        {
            return (true, JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }
}
