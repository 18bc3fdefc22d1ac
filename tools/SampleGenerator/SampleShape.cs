using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.SampleGenerator;

/// <summary>
/// The study's JSON tree, read off the table description: every table source is an array, every stored column a value at
/// its path. Keys keep the description's order, so each module's groups (and the arms) come before what refers to them.
/// </summary>
internal static class SampleShape
{
    public const string NctIdPath = "protocolSection.identificationModule.nctId";
    public const string HasResultsPath = "hasResults";
    public const string ResultsPath = "resultsSection";

    public static SampleNode Build(IEnumerable<Table> tables)
    {
        var record = tables.Where(t => t.Sources.Count > 0).ToList(); // tables not read from the record have no source
        var arrays = record.SelectMany(t => t.Sources).Select(s => s.JsonPath).Where(p => p != "$").ToHashSet(StringComparer.Ordinal);
        var root = new SampleNode(string.Empty, string.Empty, isArray: false);
        Add(root, NctIdPath, StudyValueKind.Text, null, arrays);
        foreach (var (_, column, path) in record.SelectMany(t => t.ColumnPaths()).Where(p => !p.Column.Derived))
        {
            if (!SampleRules.Undocumented.Any(u => path == u || path.StartsWith(u + ".", StringComparison.Ordinal)))
            {
                Add(root, path, column.Kind, column.EnumType, arrays);
            }
        }

        return root;
    }

    private static void Add(SampleNode root, string path, StudyValueKind kind, Type? enumType, HashSet<string> arrays)
    {
        var (parent, node) = (root, root);
        foreach (var name in path.Split('.'))
        {
            var childPath = node.Path.Length == 0 ? name : $"{node.Path}.{name}";
            var child = node.Children.Find(c => c.Name == name);
            if (child is null)
            {
                child = new SampleNode(name, childPath, arrays.Contains(childPath));
                node.Children.Add(child);
            }

            (parent, node) = (node, child);
        }

        if (node.Kind is null)
        {
            node.SetValue(kind, enumType);
            var array = node.IsArray ? node : parent; // ids link the elements of the array the value is (or lies) in
            array.Declares ??= node.Rule.Declares ? node.Path : null;
            array.RefersTo ??= node.Rule.RefersTo;
        }
    }
}
