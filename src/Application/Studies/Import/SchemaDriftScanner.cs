using System.Text;
using System.Text.Json;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Finds the JSON paths of a study that the schema does not describe (schema drift: the registry added a field), so each
/// run can report them instead of silently dropping data. One forward pass of <see cref="Utf8JsonReader"/> over the raw
/// study against a trie of the known paths; it allocates only for the unknown paths it reports.
/// </summary>
public sealed class SchemaDriftScanner
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    private readonly Node _root = new(string.Empty, null);

    public SchemaDriftScanner(IStudySchema schema)
    {
        foreach (var path in schema.StoredPaths)
        {
            Add(path).Ignored = false;
        }

        foreach (var path in schema.IgnoredPaths)
        {
            Add(path).Ignored = true;
        }
    }

    /// <summary>Returns the unknown paths of the study (each once), or null when there are none. Never throws.</summary>
    public List<string>? FindUnknownPaths(ReadOnlySpan<byte> utf8)
    {
        List<string>? unknown = null;
        var reader = new Utf8JsonReader(utf8, Options);
        var open = new List<Node>(16); // the node of each open object or array
        Node? pending = null;          // the node of the property whose value comes next
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        // A property's value gets the property's node; an array element shares its array's node.
                        open.Add(pending ?? (open.Count == 0 ? _root : open[^1]));
                        pending = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.RemoveAt(open.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var parent = open[^1];
                        var child = parent.Find(ref reader);
                        if (child is null || child.Ignored)
                        {
                            if (child is null)
                            {
                                var path = parent.PathOf(reader.GetString() ?? string.Empty);
                                if (unknown is null || !unknown.Contains(path))
                                {
                                    (unknown ??= []).Add(path);
                                }
                            }

                            reader.Read();
                            reader.Skip();
                            break;
                        }

                        pending = child;
                        break;
                    default:
                        pending = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not this scanner's concern: the parser reports the study's syntax errors.
        }

        return unknown;
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

    private sealed class Node(string name, Node? parent)
    {
        private readonly List<Node> _children = [];

        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

        public Node? Parent { get; } = parent;

        public bool Ignored { get; set; }

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
                names.Add(Encoding.UTF8.GetString(node.Utf8Name));
            }

            names.Reverse();
            return string.Join('.', names);
        }
    }
}
