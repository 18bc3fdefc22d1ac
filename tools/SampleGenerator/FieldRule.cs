namespace Clinical.SampleGenerator;

/// <summary>How one JSON path departs from the default value of its kind, so that the sample keeps the trial's invariants.</summary>
/// <param name="Min">Smallest number (integers; ages, in years) or year (dates); null for the kind's default.</param>
/// <param name="Max">Largest number or year.</param>
/// <param name="Format">Text format; <c>{0}</c> is a number in [Min, Max] (or, for <paramref name="Declares"/>, the element's index).</param>
/// <param name="Declares">True when the value names its array element (a group id, an arm label) for references to use.</param>
/// <param name="RefersTo">The declaring path whose values this one takes: its array gets one element per declared value.</param>
/// <param name="Choices">Text or codes to pick from (repeats weigh more), where invented text would make a poor demo.</param>
internal sealed record FieldRule(int? Min = null, int? Max = null, string? Format = null, bool Declares = false, string? RefersTo = null, string[]? Choices = null);
