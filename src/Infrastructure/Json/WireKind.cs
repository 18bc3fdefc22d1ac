namespace Clinical.Infrastructure.Json;

/// <summary>What JSON a place of the wire record accepts (besides null, which every place accepts).</summary>
internal enum WireKind
{
    /// <summary>A JSON object: a wire record type.</summary>
    Object,

    /// <summary>A JSON array: a list.</summary>
    Array,

    /// <summary>A JSON string that is valid text.</summary>
    String,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A JSON number without fraction or exponent that fits 32 bits.</summary>
    Int32,

    /// <summary>A JSON number without fraction or exponent that fits 64 bits.</summary>
    Int64,

    /// <summary>A JSON number within the range of a double.</summary>
    Double,

    /// <summary>A JSON number a decimal holds (about ±7.9e28, 28 significant digits): numbers with a fraction, kept as spelled.</summary>
    Decimal,
}
