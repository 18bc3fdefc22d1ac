namespace Clinical.Domain.Studies.Invariants;

/// <summary>
/// A JSON path that is spelled out only when a finding needs it, so walking a clean study builds no strings: a fixed prefix
/// and up to three indexed steps, e.g. <c>resultsSection.outcomeMeasuresModule</c> + <c>outcomeMeasures[3]</c> +
/// <c>classes[1]</c> + <c>categories[0]</c>.
/// </summary>
internal readonly record struct LazyJsonPath(string Prefix)
{
    private int Depth { get; init; }

    private (string Step, int Index) First { get; init; }

    private (string Step, int Index) Second { get; init; }

    private (string Step, int Index) Third { get; init; }

    /// <summary>This path followed by <c>.step[index]</c>.</summary>
    public LazyJsonPath Then(string step, int index) => Depth switch
    {
        0 => this with { Depth = 1, First = (step, index) },
        1 => this with { Depth = 2, Second = (step, index) },
        2 => this with { Depth = 3, Third = (step, index) },
        _ => throw new InvalidOperationException("A lazy JSON path holds at most three indexed steps."),
    };

    public override string ToString() => Depth switch
    {
        0 => Prefix,
        1 => $"{Prefix}.{First.Step}[{First.Index}]",
        2 => $"{Prefix}.{First.Step}[{First.Index}].{Second.Step}[{Second.Index}]",
        _ => $"{Prefix}.{First.Step}[{First.Index}].{Second.Step}[{Second.Index}].{Third.Step}[{Third.Index}]",
    };
}
