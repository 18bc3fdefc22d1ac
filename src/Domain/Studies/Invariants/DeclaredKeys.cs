namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The keys one list declares (the ids of a groups list, the labels of the arm groups), for checking the lists that refer to
/// them: whether a reference is declared, and whether the current referring list already used it. Small lists (the usual
/// 2–10 groups) are scanned; a dictionary is built only past <see cref="ScanLimit"/> entries. Uses are tracked in a bit mask,
/// so checking a referring list allocates nothing for up to 64 declared keys.
/// </summary>
internal struct DeclaredKeys<TItem>
    where TItem : class
{
    private const int ScanLimit = 16;

    private readonly IReadOnlyList<TItem> _items;
    private readonly Func<TItem, string?> _key;
    private readonly Dictionary<string, int>? _firstIndex;
    private ulong _used;
    private bool[]? _usedBeyond64;

    public DeclaredKeys(IReadOnlyList<TItem>? items, Func<TItem, string?> key)
    {
        _items = items ?? [];
        _key = key;
        if (_items.Count > ScanLimit)
        {
            _firstIndex = new Dictionary<string, int>(_items.Count, StringComparer.Ordinal);
            for (var i = 0; i < _items.Count; i++)
            {
                if (_key(_items[i]) is { } k)
                {
                    _firstIndex.TryAdd(k, i);
                }
            }
        }
    }

    public readonly int Count => _items.Count;

    public readonly string? KeyAt(int index) => _key(_items[index]);

    /// <summary>Forgets the uses so far: call before each referring list.</summary>
    public void StartList()
    {
        _used = 0;
        if (_usedBeyond64 is not null)
        {
            Array.Clear(_usedBeyond64);
        }
    }

    /// <summary>Looks <paramref name="key"/> up and records its use in the current referring list.</summary>
    public GroupUse Use(string? key)
    {
        var index = IndexOf(key);
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

        var beyond = _usedBeyond64 ??= new bool[_items.Count - 64];
        var seen = beyond[index - 64];
        beyond[index - 64] = true;
        return seen ? GroupUse.Repeated : GroupUse.First;
    }

    /// <summary>The next index after <paramref name="after"/> whose key an earlier entry already has; -1 when there is none.</summary>
    public readonly int NextDuplicate(int after)
    {
        for (var i = after + 1; i < _items.Count; i++)
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

        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_key(_items[i]), key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
