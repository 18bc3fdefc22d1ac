namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The keys one list declares (the ids of a groups list, the labels of the arm groups), for checking the lists that refer to
/// them: whether a reference is declared, and whether the current referring list already used it. The keys are copied once
/// into an array; lookups try the referring entry's own position first (entry i usually names group i), then scan, and a
/// dictionary replaces the scan past <see cref="ScanLimit"/> keys. Uses are tracked in a bit mask, so checking a referring
/// list allocates nothing for up to 64 declared keys.
/// </summary>
internal struct DeclaredKeys
{
    private const int ScanLimit = 16;

    private readonly string?[] _keys;
    private readonly Dictionary<string, int>? _firstIndex;
    private ulong _used;
    private bool[]? _usedBeyond64;

    private DeclaredKeys(string?[] keys)
    {
        _keys = keys;
        if (keys.Length > ScanLimit)
        {
            _firstIndex = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is { } k)
                {
                    _firstIndex.TryAdd(k, i);
                }
            }
        }
    }

    public static DeclaredKeys Of<TItem>(IReadOnlyList<TItem>? items, Func<TItem, string?> key)
    {
        if (items is null || items.Count == 0)
        {
            return new DeclaredKeys([]);
        }

        var keys = new string?[items.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = key(items[i]);
        }

        return new DeclaredKeys(keys);
    }

    public readonly string? KeyAt(int index) => _keys[index];

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
        var index = (uint)position < (uint)_keys.Length && key is not null && string.Equals(_keys[position], key, StringComparison.Ordinal)
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

        var beyond = _usedBeyond64 ??= new bool[_keys.Length - 64];
        var seen = beyond[index - 64];
        beyond[index - 64] = true;
        return seen ? GroupUse.Repeated : GroupUse.First;
    }

    /// <summary>The next index after <paramref name="after"/> whose key an earlier entry already has; -1 when there is none.</summary>
    public readonly int NextDuplicate(int after)
    {
        for (var i = after + 1; i < _keys.Length; i++)
        {
            if (_keys[i] is { } key && IndexOf(key) < i)
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

        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
