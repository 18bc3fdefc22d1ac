using Clinical.Domain.Studies;
using Riok.Mapperly.Abstractions;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Maps the wire-format record onto the study aggregate. Structure only: members map by name, strings become domain values
/// through their <c>Parse</c> methods or constructors (NctId, PartialDate, Age, ResultValue, Coded&lt;T&gt;).
/// </summary>
[Mapper]
public static partial class StudyMapper
{
    public static partial Study ToStudy(StudyRecord source);

    /// <summary>PostgreSQL text cannot hold U+0000; the registry never means it, so it is dropped from every string.</summary>
    private static string CleanText(string source) => source.Contains('\0', StringComparison.Ordinal) ? source.Replace("\0", string.Empty, StringComparison.Ordinal) : source;

    /// <summary>Lists of strings would otherwise be copied by reference, bypassing <see cref="CleanText"/>.</summary>
    private static IReadOnlyList<string> CleanTexts(IReadOnlyList<string> source) =>
        source.Any(s => s.Contains('\0', StringComparison.Ordinal)) ? [.. source.Select(CleanText)] : source;
}
