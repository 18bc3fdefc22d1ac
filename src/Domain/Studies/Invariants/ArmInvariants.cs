namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// The cross-references between arm groups and interventions: every label an intervention names is an arm group's label
/// (labels are the arm groups' key, so they are unique), and every "Type: Name" an arm group names is an intervention's.
/// Intervention names are not a key: the registry lets a study list the same drug twice, once per dose arm.
/// </summary>
internal static class ArmInvariants
{
    private const string Module = "protocolSection.armsInterventionsModule";

    public static void Check(ArmsInterventionsModule? module, ref FindingList findings)
    {
        if (module is null)
        {
            return;
        }

        var labels = new DeclaredKeys<ArmGroup>(module.ArmGroups, static a => a.Label);
        for (var i = labels.NextDuplicate(-1); i >= 0; i = labels.NextDuplicate(i))
        {
            findings.Add(InvariantRules.DuplicateKey, $"{Module}.armGroups[{i}].label", labels.KeyAt(i), "Two arm groups have this label.");
        }

        CheckArmGroupLabels(module.Interventions, ref labels, ref findings);
        CheckInterventionNames(module.ArmGroups, module.Interventions, ref findings);
    }

    private static void CheckArmGroupLabels(IReadOnlyList<Intervention>? interventions, ref DeclaredKeys<ArmGroup> labels, ref FindingList findings)
    {
        for (var i = 0; i < (interventions?.Count ?? 0); i++)
        {
            var referenced = interventions![i].ArmGroupLabels;
            labels.StartList();
            for (var j = 0; j < (referenced?.Count ?? 0); j++)
            {
                var label = referenced![j];
                switch (labels.Use(label, j))
                {
                    case GroupUse.Undeclared:
                        findings.Add(
                            InvariantRules.UnknownArmGroupLabel,
                            $"{Module}.interventions[{i}].armGroupLabels[{j}]",
                            label,
                            "The intervention names an arm group label no arm group has.");
                        break;
                    case GroupUse.Repeated:
                        findings.Add(
                            InvariantRules.DuplicateKey,
                            $"{Module}.interventions[{i}].armGroupLabels[{j}]",
                            label,
                            "The intervention names this arm group twice.");
                        break;
                }
            }
        }
    }

    private static void CheckInterventionNames(IReadOnlyList<ArmGroup>? armGroups, IReadOnlyList<Intervention>? interventions, ref FindingList findings)
    {
        for (var i = 0; i < (armGroups?.Count ?? 0); i++)
        {
            var referenced = armGroups![i].InterventionNames;
            for (var j = 0; j < (referenced?.Count ?? 0); j++)
            {
                if (!AnyNamed(interventions, referenced![j]))
                {
                    findings.Add(
                        InvariantRules.UnknownInterventionName,
                        $"{Module}.armGroups[{i}].interventionNames[{j}]",
                        referenced[j],
                        "The arm group names an intervention no intervention has.");
                }
            }
        }
    }

    private static bool AnyNamed(IReadOnlyList<Intervention>? interventions, string reference)
    {
        for (var i = 0; i < (interventions?.Count ?? 0); i++)
        {
            if (IsNamed(interventions![i], reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="reference"/> names <paramref name="intervention"/>: "Diagnostic Test: Name" for type
    /// DIAGNOSTIC_TEST and name Name, as the registry writes it, or the bare name.
    /// </summary>
    private static bool IsNamed(Intervention intervention, string reference)
    {
        if (intervention.Name is not { } name || !reference.EndsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = reference.AsSpan(0, reference.Length - name.Length);
        if (prefix.IsEmpty)
        {
            return true;
        }

        if (!prefix.EndsWith(": ", StringComparison.Ordinal))
        {
            return false;
        }

        return intervention.Type is not { } type || IsTypeLabel(prefix[..^2], type.Raw);
    }

    /// <summary>"Diagnostic Test" is the label of "DIAGNOSTIC_TEST": the same letters, a space for each underscore.</summary>
    private static bool IsTypeLabel(ReadOnlySpan<char> label, string raw)
    {
        if (label.Length != raw.Length)
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            var expected = raw[i] == '_' ? ' ' : raw[i];
            if (char.ToUpperInvariant(label[i]) != char.ToUpperInvariant(expected))
            {
                return false;
            }
        }

        return true;
    }
}
