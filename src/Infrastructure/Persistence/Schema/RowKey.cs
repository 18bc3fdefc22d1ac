using System.Runtime.CompilerServices;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>
/// The key of a row below the study: the discriminator of a merged table (e.g. PRIMARY/SECONDARY outcomes) and the
/// 0-based array index at each level from the study down (location 3, contact 1).
/// </summary>
internal readonly struct RowKey
{
    public const int MaxDepth = 8;

    private readonly Ordinals _ordinals;

    private RowKey(string? kind, int depth, Ordinals ordinals)
    {
        Kind = kind;
        Depth = depth;
        _ordinals = ordinals;
    }

    public string? Kind { get; }

    public int Depth { get; }

    public int this[int level] => _ordinals[level];

    public RowKey WithKind(string? kind) => kind is null ? this : new RowKey(kind, Depth, _ordinals);

    public RowKey Push(int ordinal)
    {
        var ordinals = _ordinals;
        ordinals[Depth] = ordinal;
        return new RowKey(Kind, Depth + 1, ordinals);
    }

    [InlineArray(MaxDepth)]
    private struct Ordinals
    {
        private int _element;
    }
}
