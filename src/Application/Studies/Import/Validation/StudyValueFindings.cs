using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The value findings of a mapped study: every value of a field of the table description (<see cref="IStudySchema.Fields"/>)
/// whose value object could not read it (an unknown code, an unreadable date or age, a result number that is no number).
/// The mapping made each value object once; this asks it (<see cref="StudyValueRules.Check"/>), it never parses again.
/// <para>
/// At construction each field's JSON path is resolved against the wire record (its JSON names, so the description cannot
/// drift from <see cref="StudyRecord"/>) and, step by step, against the aggregate (the same property names: Mapperly maps by
/// name). All fields are then compiled (an expression tree) into one walk over the aggregate that reads every array once
/// for all the fields under it. The JSON path with its array indices is built only for a value that fails. Findings come in
/// the description's field order, then in array order. Stateless after construction: one instance serves every thread.
/// </para>
/// </summary>
public sealed class StudyValueFindings
{
    private static readonly MethodInfo ReportMethod = typeof(Sink).GetMethod(nameof(Sink.Report))!;

    private readonly Field[] _fields;
    private readonly Action<Study, Sink> _walk;

    public StudyValueFindings(IStudySchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var fields = new List<Field>();
        foreach (var field in schema.Fields)
        {
            var wire = WireRecordPath.Resolve(typeof(StudyRecord), field.JsonPath);
            if (!StudyValueRules.HasRule(field.Kind))
            {
                continue;
            }

            if (wire[^1].ValueType != typeof(string))
            {
                throw new InvalidOperationException(
                    $"The schema field '{field.JsonPath}' is a {field.Kind}, read from text, but {typeof(StudyRecord).Name} holds it as {wire[^1].ValueType.Name}.");
            }

            fields.Add(new Field(fields.Count, field, wire, ResolveOnStudy(field, wire)));
        }

        _fields = [.. fields];
        _walk = Compile();
    }

    /// <summary>The fields that have a rule, in the description's order.</summary>
    public IReadOnlyList<StudyField> Fields => [.. _fields.Select(f => f.Schema)];

    /// <summary>The value findings of <paramref name="study"/>, or null when every value was read.</summary>
    public IReadOnlyList<Finding>? Collect(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var sink = new Sink(_fields);
        _walk(study, sink);
        return sink.Findings();
    }

    /// <summary>The aggregate's property for each step of the wire path; the last holds the kind's value object.</summary>
    private static DomainStep[] ResolveOnStudy(StudyField field, IReadOnlyList<WireRecordStep> wire)
    {
        var steps = new DomainStep[wire.Count];
        var type = typeof(Study);
        for (var i = 0; i < wire.Count; i++)
        {
            var name = wire[i].Property.Name;
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException(
                    $"The schema path '{field.JsonPath}' does not resolve against {nameof(Study)}: {type.Name} has no property {name} (the wire record's '{wire[i].JsonName}').");
            var item = ListItemType(property.PropertyType);
            if ((item is null) == wire[i].IsList)
            {
                throw new InvalidOperationException(
                    $"The schema path '{field.JsonPath}': {type.Name}.{name} is {(item is null ? "not " : string.Empty)}an array in the aggregate but {(wire[i].IsList ? string.Empty : "not ")}in the wire record.");
            }

            steps[i] = new DomainStep(property, item);
            type = item ?? property.PropertyType;
        }

        var expected = StudyValueRules.ValueType(field);
        if ((Nullable.GetUnderlyingType(type) ?? type) != expected)
        {
            throw new InvalidOperationException(
                $"The schema field '{field.JsonPath}' is a {field.Kind}, held as {expected.Name}, but {nameof(Study)} holds it as {type.Name}.");
        }

        return steps;
    }

    private static Type? ListItemType(Type type) =>
        type == typeof(string)
            ? null
            : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
                ?.GetGenericArguments()[0];

    private Action<Study, Sink> Compile()
    {
        // The fields' paths as a tree: one node per distinct property path, each field at the node of its last step.
        var root = new Node(null);
        foreach (var field in _fields)
        {
            var node = root;
            foreach (var step in field.Domain)
            {
                node = node.Child(step);
            }

            node.Fields.Add(field);
        }

        var study = Expression.Parameter(typeof(Study), "study");
        var sink = Expression.Parameter(typeof(Sink), "sink");
        var variables = new List<ParameterExpression>();
        var indices = new List<ParameterExpression>();

        // At the value `value` (not null) of `node`: the checks of the fields ending here, then the walks of its children.
        Expression Visit(Expression value, Node node)
        {
            var body = new List<Expression>();
            foreach (var field in node.Fields)
            {
                var read = Unwrap(value);
                Expression positions = indices.Count == 0
                    ? Expression.Constant(Array.Empty<int>())
                    : Expression.NewArrayInit(typeof(int), indices);
                var report = Expression.Call(sink, ReportMethod, Expression.Constant(field.Index), Expression.Call(read, StudyValueRules.RawText(read.Type)), positions);
                body.Add(Expression.IfThen(Expression.Not(Expression.Call(StudyValueRules.Check(field.Schema), read)), report));
            }

            body.AddRange(node.Children.Select(child => Walk(value, child)));
            return body.Count == 1 ? body[0] : Expression.Block(body);
        }

        // Reads `node`'s property from `parent` (not null) and visits its value, or each item of its array.
        Expression Walk(Expression parent, Node node)
        {
            var step = node.Step!;
            var value = Expression.Variable(step.Property.PropertyType, step.Property.Name);
            variables.Add(value);
            Expression body;
            if (step.ItemType is { } itemType)
            {
                var list = typeof(IReadOnlyList<>).MakeGenericType(itemType);
                var items = Expression.Variable(list, step.Property.Name + "List");
                var index = Expression.Variable(typeof(int), $"i{indices.Count}");
                var item = Expression.Variable(itemType, step.Property.Name + "Item");
                variables.AddRange([items, index, item]);
                indices.Add(index);
                var inner = Visit(item, node);
                indices.RemoveAt(indices.Count - 1);
                var count = Expression.Property(items, typeof(IReadOnlyCollection<>).MakeGenericType(itemType).GetProperty(nameof(IReadOnlyCollection<>.Count))!);
                var end = Expression.Label();
                body = Expression.Block(
                    Expression.Assign(items, Expression.Convert(value, list)),
                    Expression.Assign(index, Expression.Constant(0)),
                    Expression.Loop(
                        Expression.IfThenElse(
                            Expression.LessThan(index, count),
                            Expression.Block(
                                Expression.Assign(item, Expression.Property(items, list.GetProperty("Item")!, index)),
                                IfPresent(item, inner),
                                Expression.PreIncrementAssign(index)),
                            Expression.Break(end)),
                        end));
            }
            else
            {
                body = Visit(value, node);
            }

            return Expression.Block(Expression.Assign(value, Expression.Property(parent, step.Property)), IfPresent(value, body));
        }

        var walks = root.Children.Select(child => Walk(study, child)).ToList();
        Expression all = walks.Count == 0 ? Expression.Empty() : Expression.Block(walks);
        return Expression.Lambda<Action<Study, Sink>>(Expression.Block(variables, all), study, sink).Compile();
    }

    private static Expression IfPresent(Expression value, Expression then)
    {
        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            return Expression.IfThen(Expression.Property(value, nameof(Nullable<>.HasValue)), then);
        }

        return value.Type.IsValueType ? then : Expression.IfThen(Expression.ReferenceNotEqual(value, Expression.Constant(null, value.Type)), then);
    }

    private static Expression Unwrap(Expression value) =>
        Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Call(value, value.Type.GetMethod(nameof(Nullable<>.GetValueOrDefault), Type.EmptyTypes)!);

    private sealed record DomainStep(PropertyInfo Property, Type? ItemType);

    private sealed record Field(int Index, StudyField Schema, IReadOnlyList<WireRecordStep> Wire, IReadOnlyList<DomainStep> Domain);

    private sealed class Node(DomainStep? step)
    {
        public DomainStep? Step { get; } = step;

        public List<Node> Children { get; } = [];

        public List<Field> Fields { get; } = [];

        public Node Child(DomainStep step)
        {
            var child = Children.Find(c => c.Step!.Property == step.Property);
            if (child is null)
            {
                child = new Node(step);
                Children.Add(child);
            }

            return child;
        }
    }

    /// <summary>What one walk found; allocates its list only on the first failing value.</summary>
    private sealed class Sink(Field[] fields)
    {
        private List<(int Field, Finding Finding)>? _found;

        /// <summary>Called by the compiled walk for a value that fails; <paramref name="indices"/> are the array indices on its path.</summary>
        public void Report(int field, string value, int[] indices)
        {
            var f = fields[field];
            var path = new StringBuilder(f.Schema.JsonPath.Length + (8 * indices.Length));
            var at = 0;
            foreach (var step in f.Wire)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(step.JsonName);
                if (step.IsList)
                {
                    path.Append('[').Append(indices[at++]).Append(']');
                }
            }

            (_found ??= []).Add((field, new Finding(StudyValueRules.ErrorCode(f.Schema.Kind), path.ToString(), value, StudyValueRules.Message(f.Schema, value))));
        }

        /// <summary>The findings in field order, then in the order the walk met them (a stable sort).</summary>
        public IReadOnlyList<Finding>? Findings() => _found switch
        {
            null => null,
            [var only] => [only.Finding],
            _ => [.. _found.OrderBy(f => f.Field).Select(f => f.Finding)],
        };
    }
}
