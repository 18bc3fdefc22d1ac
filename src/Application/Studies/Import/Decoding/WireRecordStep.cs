using System.Reflection;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// One segment of a JSON path resolved against the wire records: the property it reads, its JSON name and, when the
/// property is an array, the element type its items have (the path goes on into each item).
/// </summary>
public sealed record WireRecordStep(string JsonName, PropertyInfo Property, Type? ElementType)
{
    public bool IsList => ElementType is not null;

    /// <summary>The type the next segment reads from (the item type of an array).</summary>
    public Type ValueType => ElementType ?? Property.PropertyType;
}
