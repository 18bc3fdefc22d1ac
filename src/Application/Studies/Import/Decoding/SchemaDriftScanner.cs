using System.Text;
using System.Text.Json;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// One forward pass of <see cref="Utf8JsonReader"/> over a raw study against a trie of the known paths. It finds the JSON
/// paths the schema does not describe (schema drift: the registry added a field), so each run can report them instead of
/// silently dropping data; and the study's shape that no column holds (<see cref="StudyJsonShape"/>: empty objects and
/// arrays, nulls, verbatim copies under ignored keys), so an export can give the record back as sent. It allocates only
/// for what it reports.
/// </summary>
public sealed class SchemaDriftScanner
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    private readonly Node _root = new(string.Empty, null);

    public SchemaDriftScanner(IStudySchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var path in schema.StoredPaths)
        {
            Add(path).Ignored = false;
        }

        foreach (var path in schema.IgnoredPaths)
        {
            Add(path).Ignored = true;
        }

        foreach (var (path, source) in schema.CopiedPaths)
        {
            Add(path).CopyOf = source;
            Add(source).IsCopySource = true;
        }
    }

    /// <summary>Returns the unknown paths of the study (each once), or null when there are none. Never throws.</summary>
    public List<string>? FindUnknownPaths(ReadOnlySpan<byte> utf8) => Scan(utf8).UnknownPaths;

    /// <summary>The unknown paths and the shape of the study. Never throws: a syntax error ends the scan (the parser reports it).</summary>
    public StudyJsonScan Scan(ReadOnlySpan<byte> utf8)
    {
        List<string>? unknown = null;
        StudyJsonShape? shape = null;
        List<(string Path, Node Node, long Start, long End)>? copies = null;
        List<(Node Node, long Start, long End)>? sources = null;
        var reader = new Utf8JsonReader(utf8, Options);
        var frames = new Frame[16];
        var depth = 0;
        Node? pending = null; // the node of the property whose value comes next
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    var closed = frames[--depth];
                    if (!closed.HasContent)
                    {
                        (shape ??= new()).AddEmpty(PathOf(frames, depth + 1, null, -1), token == JsonTokenType.EndObject ? StudyJsonShape.EmptyObject : StudyJsonShape.EmptyArray);
                    }

                    if (closed.Start >= 0)
                    {
                        (sources ??= []).Add((closed.Node, closed.Start, reader.BytesConsumed));
                    }

                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    ref var parent = ref frames[depth - 1];
                    parent.HasContent = true;
                    var child = parent.Node.Find(ref reader);
                    if (child is null || child.Ignored)
                    {
                        if (child is null)
                        {
                            var path = parent.Node.PathOf(reader.GetString() ?? string.Empty);
                            if (unknown is null || !unknown.Contains(path))
                            {
                                (unknown ??= []).Add(path);
                            }
                        }

                        reader.Read();
                        var start = reader.TokenStartIndex;
                        reader.Skip();
                        if (child?.CopyOf is not null)
                        {
                            (copies ??= []).Add((PathOf(frames, depth, child.Name, -1), child, start, reader.BytesConsumed));
                        }

                        continue;
                    }

                    pending = child;
                    continue;
                }

                // A value: an array element shares its array's node and has an index; a property's value has the property's node.
                var element = -1;
                var node = pending ?? (depth == 0 ? _root : frames[depth - 1].Node);
                if (depth > 0 && frames[depth - 1].IsArray)
                {
                    ref var array = ref frames[depth - 1];
                    element = ++array.Index;
                    array.HasContent = true;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, depth * 2);
                    }

                    var copySource = node.IsCopySource && element < 0 ? reader.TokenStartIndex : -1;
                    frames[depth++] = new Frame(node, token == JsonTokenType.StartArray, element, copySource);
                }
                else if (token == JsonTokenType.Null && depth > 0)
                {
                    (shape ??= new()).AddEmpty(PathOf(frames, depth, pending?.Name, element), StudyJsonShape.Null);
                }

                pending = null;
            }
        }
        catch (JsonException)
        {
            // Not this scanner's concern: the parser reports the study's syntax errors.
        }

        if (unknown is null && shape is null && copies is null)
        {
            return StudyJsonScan.Nothing;
        }

        var differing = Verify(utf8, copies, sources, ref shape);
        return new StudyJsonScan(unknown, shape, differing);
    }

    /// <summary>Keeps each ignored copy whose bytes equal its source's in the shape; returns the paths of those that differ.</summary>
    private static List<string>? Verify(ReadOnlySpan<byte> utf8, List<(string Path, Node Node, long Start, long End)>? copies, List<(Node Node, long Start, long End)>? sources, ref StudyJsonShape? shape)
    {
        List<string>? differing = null;
        foreach (var (path, node, start, end) in copies ?? [])
        {
            var copy = utf8[(int)start..(int)end];
            var source = sources?.Find(s => s.Node.FullPath == node.CopyOf);
            if (source is { } s && utf8[(int)s.Start..(int)s.End].SequenceEqual(copy))
            {
                (shape ??= new()).AddCopy(path, node.CopyOf!);
            }
            else
            {
                (differing ??= []).Add(path);
            }
        }

        return differing;
    }

    /// <summary>The indexed JSON path of the value after the open <paramref name="frames"/>: "a.list[2].b".</summary>
    private static string PathOf(Frame[] frames, int depth, string? name, int element)
    {
        var path = new StringBuilder();
        for (var i = 1; i < depth; i++)
        {
            Append(path, frames[i].Element < 0 ? frames[i].Node.Name : null, frames[i].Element);
        }

        Append(path, name, element);
        return path.ToString();
    }

    private static void Append(StringBuilder path, string? name, int element)
    {
        if (name is not null)
        {
            path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
        }
        else if (element >= 0)
        {
            path.Append('[').Append(element).Append(']');
        }
    }

    private Node Add(string path)
    {
        var node = _root;
        foreach (var name in path.Split('.'))
        {
            node = node.GetOrAdd(name);
        }

        return node;
    }

    /// <summary>An open object or array: its node, the index of the element it is (-1 for a property's value), its last element's index.</summary>
    private struct Frame(Node node, bool isArray, int element, long start)
    {
        public Node Node { get; } = node;

        public bool IsArray { get; } = isArray;

        public int Element { get; } = element;

        /// <summary>Where a copy source's value starts in the text (-1 for any other value).</summary>
        public long Start { get; } = start;

        public int Index { get; set; } = -1;

        public bool HasContent { get; set; }
    }

    private sealed class Node(string name, Node? parent)
    {
        private readonly List<Node> _children = [];

        public string Name { get; } = name;

        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

        public Node? Parent { get; } = parent;

        public bool Ignored { get; set; }

        /// <summary>For an ignored path known to hold a verbatim copy: the path of the original.</summary>
        public string? CopyOf { get; set; }

        public bool IsCopySource { get; set; }

        public string FullPath => Parent?.PathOf(Name) ?? Name;

        public Node GetOrAdd(string name)
        {
            var utf8 = Encoding.UTF8.GetBytes(name);
            foreach (var child in _children)
            {
                if (child.Utf8Name.AsSpan().SequenceEqual(utf8))
                {
                    return child;
                }
            }

            var added = new Node(name, this);
            _children.Add(added);
            return added;
        }

        public Node? Find(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                var name = reader.ValueSpan;
                foreach (var child in _children)
                {
                    if (child.Utf8Name.AsSpan().SequenceEqual(name))
                    {
                        return child;
                    }
                }

                return null;
            }

            foreach (var child in _children)
            {
                if (reader.ValueTextEquals(child.Utf8Name))
                {
                    return child;
                }
            }

            return null;
        }

        public string PathOf(string childName)
        {
            var names = new List<string> { childName };
            for (var node = this; node.Parent is not null; node = node.Parent)
            {
                names.Add(node.Name);
            }

            names.Reverse();
            return string.Join('.', names);
        }
    }
}
