namespace Clinical.Domain.Studies;

/// <summary>How much of a <see cref="PartialDate"/> the registry gave.</summary>
public enum DatePrecision
{
    /// <summary>The text is not a date the registry is known to send; only the raw text is kept.</summary>
    Unparsed,
    Year,
    Month,
    Day,
}
