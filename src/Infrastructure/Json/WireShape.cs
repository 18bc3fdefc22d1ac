using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// What System.Text.Json's metadata for the wire records accepts at one place of a study: an object with its members (by
/// JSON name, exact case, as the deserializer matches them), an array of elements, or a scalar. Built once from the same
/// source-generated <see cref="JsonTypeInfo"/> the deserializer uses, so the salvage pass expects exactly what the fast
/// path accepts.
/// </summary>
internal sealed class WireShape
{
    private static readonly Dictionary<string, WireShape> NoMembers = [];

    private WireShape(WireKind kind, Dictionary<string, WireShape> members, WireShape? element)
    {
        Kind = kind;
        Members = members;
        Element = element;
    }

    public WireKind Kind { get; }

    /// <summary>The members of an object, by JSON name; members not listed are ignored by the deserializer.</summary>
    public IReadOnlyDictionary<string, WireShape> Members { get; }

    /// <summary>The shape of an array's elements.</summary>
    public WireShape? Element { get; private set; }

    /// <summary>The shape of <paramref name="type"/> as <paramref name="context"/> reads it.</summary>
    public static WireShape Of(JsonSerializerContext context, Type type) => Build(context, type, []);

    private static WireShape Build(JsonSerializerContext context, Type type, Dictionary<Type, WireShape> built)
    {
        if (built.TryGetValue(type, out var known))
        {
            return known;
        }

        var info = context.GetTypeInfo(type) ?? throw new InvalidOperationException($"{context.GetType().Name} has no JSON metadata for {type}.");
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                var members = new Dictionary<string, WireShape>(StringComparer.Ordinal);
                var shape = built[type] = new WireShape(WireKind.Object, members, null);
                foreach (var property in info.Properties)
                {
                    members[property.Name] = Build(context, property.PropertyType, built);
                }

                return shape;
            case JsonTypeInfoKind.Enumerable:
                var array = built[type] = new WireShape(WireKind.Array, NoMembers, null);
                array.Element = Build(context, info.ElementType!, built);
                return array;
            case JsonTypeInfoKind.None:
                return built[type] = new WireShape(ScalarKind(Nullable.GetUnderlyingType(type) ?? type), NoMembers, null);
            default:
                throw new InvalidOperationException($"The wire records hold {type} ({info.Kind}), which the salvage pass does not know.");
        }
    }

    private static WireKind ScalarKind(Type type) =>
        type == typeof(string) ? WireKind.String
        : type == typeof(bool) ? WireKind.Boolean
        : type == typeof(int) ? WireKind.Int32
        : type == typeof(long) ? WireKind.Int64
        : type == typeof(double) ? WireKind.Double
        : type == typeof(decimal) ? WireKind.Decimal
        : throw new InvalidOperationException($"The wire records hold a {type.Name}, which the salvage pass does not know.");
}
