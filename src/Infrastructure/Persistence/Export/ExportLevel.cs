using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Persistence.Export;

/// <summary>
/// One array on the way from the study down to a row: its property path below the element of the level above (below the
/// study for the first level), per discriminator for a table that merges several arrays.
/// </summary>
internal sealed class ExportLevel
{
    private readonly string[]? _single;
    private readonly Dictionary<string, string[]> _byKind = new(StringComparer.Ordinal);

    public ExportLevel(IReadOnlyList<TableSource> sources)
    {
        if (sources.Count == 1)
        {
            _single = sources[0].JsonPath.Split('.');
            return;
        }

        foreach (var source in sources)
        {
            _byKind.Add(source.Kind ?? throw new InvalidOperationException($"A merged array ({source.JsonPath}) needs a discriminator."), source.JsonPath.Split('.'));
        }
    }

    /// <summary>The array's property path for a row of discriminator <paramref name="kind"/>; null for an unknown discriminator.</summary>
    public string[]? PathFor(string? kind) =>
        _single ?? (kind is not null && _byKind.TryGetValue(kind, out var path) ? path : null);
}
