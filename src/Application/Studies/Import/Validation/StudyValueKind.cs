namespace Clinical.Application.Studies.Import;

/// <summary>What kind of value a JSON path of the record holds, as the table description declares it.</summary>
public enum StudyValueKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>An enum value, as the registry spells it (<see cref="StudyField.EnumType"/> names the enum).</summary>
    Code,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number (JSON number).</summary>
    Integer,

    /// <summary>A number with a fraction (JSON number).</summary>
    Number,

    /// <summary>A full date, YYYY-MM-DD.</summary>
    Date,

    /// <summary>A partial date: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    PartialDate,

    /// <summary>A local timestamp to the minute, yyyy-MM-ddTHH:mm.</summary>
    Timestamp,

    /// <summary>An age or duration, "N Unit" (e.g. "18 Years").</summary>
    Age,

    /// <summary>A result number sent as text ("20,200", "&lt;0.001", "NA").</summary>
    ResultNumber,
}
