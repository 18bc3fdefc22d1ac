using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using FluentValidation.Validators;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The FluentValidation rule of one field of the table description. At construction its JSON path is resolved against the
/// wire records and compiled (an expression tree) into one delegate that walks the record to every value of the field,
/// looping over arrays by index, and calls the kind's check directly. No per-element context or allocation: the JSON
/// path with its array indices is built only when a value fails, and reported as a warning (the value is still stored).
/// Stateless after construction, so one instance serves every thread.
/// </summary>
public sealed class StudyFieldValidator : PropertyValidator<StudyRecord, StudyRecord>
{
    private static readonly MethodInfo ReportMethod = typeof(StudyFieldValidator).GetMethod(nameof(Report), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly Action<StudyRecord, ValidationContext<StudyRecord>> _walk;
    private readonly IReadOnlyList<WireRecordStep> _steps;

    public StudyFieldValidator(StudyField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        _steps = WireRecordPath.Resolve(typeof(StudyRecord), field.JsonPath);
        if (_steps[^1].ValueType != typeof(string))
        {
            throw new InvalidOperationException(
                $"The schema field '{field.JsonPath}' is a {field.Kind}, read from text, but {typeof(StudyRecord).Name} holds it as {_steps[^1].ValueType.Name}.");
        }

        _walk = Compile(StudyValueRules.Check(field));
    }

    public StudyField Field { get; }

    public override string Name => nameof(StudyFieldValidator);

    public override bool IsValid(ValidationContext<StudyRecord> context, StudyRecord value)
    {
        _walk(value, context);
        return true;
    }

    /// <summary>Called by the compiled walk for a value that fails; <paramref name="indices"/> are the array indices on its path.</summary>
    private void Report(ValidationContext<StudyRecord> context, string value, int[] indices)
    {
        var path = new StringBuilder(Field.JsonPath.Length + (8 * indices.Length));
        var at = 0;
        foreach (var step in _steps)
        {
            path.Append(path.Length == 0 ? string.Empty : ".").Append(step.JsonName);
            if (step.IsList)
            {
                path.Append('[').Append(indices[at++]).Append(']');
            }
        }

        context.AddFailure(new ValidationFailure(path.ToString(), StudyValueRules.Message(Field, value), value)
        {
            ErrorCode = StudyValueRules.ErrorCode(Field.Kind),
            Severity = Severity.Warning,
        });
    }

    private Action<StudyRecord, ValidationContext<StudyRecord>> Compile(MethodInfo check)
    {
        var record = Expression.Parameter(typeof(StudyRecord), "record");
        var context = Expression.Parameter(typeof(ValidationContext<StudyRecord>), "context");
        var variables = new List<ParameterExpression>();
        var indices = new List<ParameterExpression>();

        Expression Leaf(Expression value)
        {
            Expression positions = indices.Count == 0
                ? Expression.Constant(Array.Empty<int>())
                : Expression.NewArrayInit(typeof(int), indices);
            var report = Expression.Call(Expression.Constant(this), ReportMethod, context, value, positions);
            return Expression.IfThen(Expression.Not(Expression.Call(check, value)), report);
        }

        // Reads step `at` from `current` (non-null) and goes on into the value, or into each item of an array.
        Expression Walk(Expression current, int at)
        {
            var step = _steps[at];
            var last = at == _steps.Count - 1;
            var value = Expression.Variable(step.Property.PropertyType, step.JsonName);
            variables.Add(value);
            Expression body;
            if (step.ElementType is { } itemType)
            {
                // The parser fills arrays as List<T>: read it through List<T>'s own Count and indexer (no interface
                // dispatch); any other IReadOnlyList<T> is copied into one first.
                var list = typeof(List<>).MakeGenericType(itemType);
                var items = Expression.Variable(list, step.JsonName + "List");
                variables.Add(items);
                var index = Expression.Variable(typeof(int), $"i{indices.Count}");
                var item = Expression.Variable(itemType, step.JsonName + "Item");
                variables.Add(index);
                variables.Add(item);
                indices.Add(index);
                var inner = last ? Leaf(item) : Walk(item, at + 1);
                indices.RemoveAt(indices.Count - 1);
                var count = Expression.Property(items, list.GetProperty("Count")!);
                var end = Expression.Label();
                body = Expression.Block(
                    Expression.Assign(
                        items,
                        Expression.Coalesce(
                            Expression.TypeAs(value, list),
                            Expression.New(list.GetConstructor([typeof(IEnumerable<>).MakeGenericType(itemType)])!, value))),
                    Expression.Assign(index, Expression.Constant(0)),
                    Expression.Loop(
                        Expression.IfThenElse(
                            Expression.LessThan(index, count),
                            Expression.Block(
                                Expression.Assign(item, Expression.Property(items, list.GetProperty("Item")!, index)),
                                IfNotNull(item, inner),
                                Expression.PreIncrementAssign(index)),
                            Expression.Break(end)),
                        end));
            }
            else
            {
                body = last ? Leaf(value) : Walk(value, at + 1);
            }

            return Expression.Block(Expression.Assign(value, Expression.Property(current, step.Property)), IfNotNull(value, body));
        }

        var walk = Walk(record, 0);
        return Expression.Lambda<Action<StudyRecord, ValidationContext<StudyRecord>>>(Expression.Block(variables, walk), record, context).Compile();
    }

    private static ConditionalExpression IfNotNull(Expression value, Expression then) =>
        Expression.IfThen(Expression.NotEqual(value, Expression.Constant(null, value.Type)), then);

    protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName} has a value its kind does not allow.";
}
