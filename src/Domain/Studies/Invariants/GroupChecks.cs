namespace Clinical.Domain.Studies.Invariants;

/// <summary>The checks every groups list and every per-group list share: unique group ids, and references to declared groups only, once each.</summary>
internal static class GroupChecks
{
    /// <summary>Reports each group whose id an earlier group of the same list already has, at <c>{owner}.{listName}[i].id</c>.</summary>
    public static void UniqueIds<TGroup>(ref DeclaredKeys<TGroup> groups, LazyJsonPath owner, string listName, ref FindingList findings)
    {
        for (var i = groups.NextDuplicate(-1); i >= 0; i = groups.NextDuplicate(i))
        {
            findings.Add(InvariantRules.DuplicateKey, $"{owner}.{listName}[{i}].id", groups.KeyAt(i), "Two groups of this list have this id.");
        }
    }

    /// <summary>
    /// Checks the per-group list <c>{owner}.{listName}</c> (milestone achievements, denom counts, measurements, event stats):
    /// each entry names a declared group, and no group twice.
    /// </summary>
    public static void PerGroupList<TEntry, TGroup>(
        IReadOnlyList<TEntry>? entries,
        Func<TEntry, string?> groupId,
        ref DeclaredKeys<TGroup> groups,
        LazyJsonPath owner,
        string listName,
        ref FindingList findings)
    {
        if (entries is null)
        {
            return;
        }

        groups.StartList();
        var array = entries as TEntry[];
        var count = entries.Count;
        for (var i = 0; i < count; i++)
        {
            var id = groupId(array is null ? entries[i] : array[i]);
            if (groups.Use(id, i) is not GroupUse.First and var use)
            {
                Report(use, $"{owner}.{listName}[{i}].groupId", id, ref findings);
            }
        }
    }

    /// <summary>Reports a reference that is not a first use of a declared group.</summary>
    public static void Report(GroupUse use, string jsonPath, string? groupId, ref FindingList findings)
    {
        if (use == GroupUse.Undeclared)
        {
            findings.Add(InvariantRules.UndeclaredGroupId, jsonPath, groupId, "No group of this module's (or measure's) groups list has this id.");
        }
        else
        {
            findings.Add(InvariantRules.DuplicateKey, jsonPath, groupId, "This list already has an entry for this group.");
        }
    }
}
