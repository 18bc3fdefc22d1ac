using Clinical.Domain.Studies;
using Riok.Mapperly.Abstractions;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Maps the wire-format record onto the study aggregate. Structure only: members map by name, strings become domain values
/// through their <c>Parse</c> methods or constructors (NctId, PartialDate, Age, ResultValue, Coded&lt;T&gt;). Texts are taken
/// as the decoder gives them, U+0000 already dropped (<see cref="IStudyDecoder"/>).
/// </summary>
[Mapper]
public static partial class StudyMapper
{
    public static partial Study ToStudy(StudyRecord source);
}
