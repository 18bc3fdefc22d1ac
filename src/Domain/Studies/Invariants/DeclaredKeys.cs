namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The keys one list declares (the ids of a groups list, the labels of the arm groups), for checking the lists that refer to
/// them: whether a reference is declared, and whether the current referring list already used it. Lookups try the referring
/// entry's own position first (entry i usually names group i), then scan, and a dictionary replaces the scan past
/// <see cref="ScanLimit"/> keys. Uses are tracked in a bit mask, so nothing is allocated for up to 16 declared keys.
/// </summary>
internal struct DeclaredKeys<TItem>
{
    private const int ScanLimit = 16;

    private readonly IReadOnlyList<TItem> _items;
    private readonly TItem[]? _array;
    private readonly Func<TItem, string?> _key;
    private readonly int _count;
    private readonly Dictionary<string, int>? _firstIndex;
    private ulong _used;
    private bool[]? _usedBeyond64;

    public DeclaredKeys(IReadOnlyList<TItem>? items, Func<TItem, string?> key)
    {
        _items = items ?? [];
        _array = items as TItem[];
        _key = key;
        _count = _items.Count;
        if (_count > ScanLimit)
        {
            _firstIndex = new Dictionary<string, int>(_count, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                if (KeyAt(i) is { } k)
                {
                    _firstIndex.TryAdd(k, i);
                }
            }
        }
    }

    /// <summary>The key of entry <paramref name="index"/> (the declaring lists are arrays when mapped; any list works).</summary>
    public readonly string? KeyAt(int index) => _key(_array is null ? _items[index] : _array[index]);

    /// <summary>Forgets the uses so far: call before each referring list.</summary>
    public void StartList()
    {
        _used = 0;
        if (_usedBeyond64 is not null)
        {
            Array.Clear(_usedBeyond64);
        }
    }

    /// <summary>
    /// Looks <paramref name="key"/> up and records its use in the current referring list. <paramref name="position"/> is the
    /// entry's index in that list, tried first.
    /// </summary>
    public GroupUse Use(string? key, int position)
    {
        var index = (uint)position < (uint)_count && key is not null && string.Equals(KeyAt(position), key, StringComparison.Ordinal)
            ? position
            : IndexOf(key);
        if (index < 0)
        {
            return GroupUse.Undeclared;
        }

        if (index < 64)
        {
            var bit = 1UL << index;
            var repeated = (_used & bit) != 0;
            _used |= bit;
            return repeated ? GroupUse.Repeated : GroupUse.First;
        }

        var beyond = _usedBeyond64 ??= new bool[_count - 64];
        var seen = beyond[index - 64];
        beyond[index - 64] = true;
        return seen ? GroupUse.Repeated : GroupUse.First;
    }

    /// <summary>The next index after <paramref name="after"/> whose key an earlier entry already has; -1 when there is none.</summary>
    public readonly int NextDuplicate(int after)
    {
        for (var i = after + 1; i < _count; i++)
        {
            if (KeyAt(i) is { } key && IndexOf(key) < i)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first index with <paramref name="key"/>, or -1.</summary>
    public readonly int IndexOf(string? key)
    {
        if (key is null)
        {
            return -1;
        }

        if (_firstIndex is not null)
        {
            return _firstIndex.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(KeyAt(i), key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
