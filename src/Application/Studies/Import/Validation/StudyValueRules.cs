using System.Reflection;
using Clinical.Domain.Studies;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The value rules a field's kind implies: which value object holds it, the check that asks that value object whether it
/// read its text (no parsing here: the mapping parsed each value once), the finding's code and the message when it did
/// not. A value that fails is still stored as given (as text); the finding says which parsed column stays empty. Kinds
/// without a rule (text, booleans, JSON numbers) have none: System.Text.Json already read them.
/// </summary>
public static class StudyValueRules
{
    /// <summary>A code that is not one of the spellings the specification lists for its enum.</summary>
    public const string UnknownCode = "unknown-code";

    /// <summary>A date or timestamp not in the form its kind declares.</summary>
    public const string UnreadableDate = "unreadable-date";

    /// <summary>An age or duration that is not "N Unit".</summary>
    public const string UnreadableAge = "unreadable-age";

    /// <summary>
    /// A result number that is neither a number (thousands separators in groups of three, leading qualifier allowed) nor
    /// "NA": its text is kept and its number stays null ("0,5" and "12,34" are never guessed).
    /// </summary>
    public const string UnparsedNumber = "unparsed-number";

    /// <summary>The registry's spelling of "not available" in result numbers (the only non-number in the real records).</summary>
    public const string NotAvailable = ResultValue.NotAvailable;

    /// <summary>Whether values of <paramref name="kind"/> have a rule at all.</summary>
    public static bool HasRule(StudyValueKind kind) =>
        kind is StudyValueKind.Code or StudyValueKind.Date or StudyValueKind.PartialDate or StudyValueKind.Timestamp
            or StudyValueKind.Age or StudyValueKind.ResultNumber;

    /// <summary>The warning code for a value of <paramref name="kind"/> that fails its rule.</summary>
    public static string ErrorCode(StudyValueKind kind) => kind switch
    {
        StudyValueKind.Code => UnknownCode,
        StudyValueKind.Date or StudyValueKind.PartialDate or StudyValueKind.Timestamp => UnreadableDate,
        StudyValueKind.Age => UnreadableAge,
        StudyValueKind.ResultNumber => UnparsedNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind of value has no rule."),
    };

    /// <summary>
    /// The value object the aggregate holds a value of <paramref name="field"/>'s kind in: <see cref="Coded{TEnum}"/> of its
    /// enum for codes, <see cref="PartialDate"/> for dates, <see cref="LocalTimestamp"/>, <see cref="Age"/>, <see cref="ResultValue"/>.
    /// </summary>
    public static Type ValueType(StudyField field) => field.Kind switch
    {
        StudyValueKind.Code when field.EnumType is { IsEnum: true } enumType => typeof(Coded<>).MakeGenericType(enumType),
        StudyValueKind.Code => throw new InvalidOperationException(
            $"The schema field '{field.JsonPath}' is a code but names no enum (EnumType is {field.EnumType?.Name ?? "null"})."),
        StudyValueKind.Date or StudyValueKind.PartialDate => typeof(PartialDate),
        StudyValueKind.Timestamp => typeof(LocalTimestamp),
        StudyValueKind.Age => typeof(Age),
        StudyValueKind.ResultNumber => typeof(ResultValue),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, $"The schema field '{field.JsonPath}' has no rule."),
    };

    /// <summary>
    /// The static <c>bool (value object)</c> method that says whether a value of <paramref name="field"/>'s kind was read: it
    /// asks the value object the mapping made, it does not parse again. For codes, <see cref="IsKnownCode{TEnum}"/> of its enum.
    /// </summary>
    public static MethodInfo Check(StudyField field) => field.Kind switch
    {
        StudyValueKind.Code => Method(nameof(IsKnownCode)).MakeGenericMethod(ValueType(field).GetGenericArguments()[0]),
        StudyValueKind.Date => Method(nameof(IsDate)),
        StudyValueKind.PartialDate => Method(nameof(IsPartialDate)),
        StudyValueKind.Timestamp => Method(nameof(IsTimestamp)),
        StudyValueKind.Age => Method(nameof(IsAge)),
        StudyValueKind.ResultNumber => Method(nameof(IsResultNumber)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, $"The schema field '{field.JsonPath}' has no rule."),
    };

    /// <summary>The text of a value object as sent (its <c>Raw</c>), the value a finding reports.</summary>
    public static MethodInfo RawText(Type valueType) =>
        valueType.GetProperty(nameof(PartialDate.Raw), BindingFlags.Public | BindingFlags.Instance)?.GetMethod
        ?? throw new InvalidOperationException($"{valueType.Name} has no Raw text.");

    /// <summary>The one-line message for <paramref name="value"/> of <paramref name="field"/> failing its rule.</summary>
    public static string Message(StudyField field, string value) => field.Kind switch
    {
        StudyValueKind.Code => $"'{value}' is not a {field.EnumType?.Name} value of the specification; stored as given.",
        StudyValueKind.Date => $"'{value}' is not a YYYY-MM-DD date; stored as text only.",
        StudyValueKind.PartialDate => $"'{value}' is not YYYY, YYYY-MM or YYYY-MM-DD; stored as text only.",
        StudyValueKind.Timestamp => $"'{value}' is not a yyyy-MM-ddTHH:mm timestamp; stored as text only.",
        StudyValueKind.Age => $"'{value}' is not 'N Unit' (e.g. '18 Years'); stored as text only.",
        StudyValueKind.ResultNumber => $"'{value}' is neither a number nor {NotAvailable}; stored as text only.",
        _ => $"'{value}' is not a {field.Kind} value.",
    };

    /// <summary>One of the spellings the specification lists for <typeparamref name="TEnum"/>.</summary>
    public static bool IsKnownCode<TEnum>(Coded<TEnum> value)
        where TEnum : struct, Enum => value.IsKnown;

    /// <summary>A full date, YYYY-MM-DD.</summary>
    public static bool IsDate(PartialDate value) => value.Precision == DatePrecision.Day;

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    public static bool IsPartialDate(PartialDate value) => value.IsParsed;

    /// <summary>A local timestamp <see cref="LocalTimestamp"/> could read.</summary>
    public static bool IsTimestamp(LocalTimestamp value) => value.IsParsed;

    /// <summary>"N Unit", as <see cref="Age"/> read it.</summary>
    public static bool IsAge(Age value) => value.IsParsed;

    /// <summary>A number <see cref="ResultValue"/> read (so its numeric column is filled), or "NA".</summary>
    public static bool IsResultNumber(ResultValue value) => value.Number is not null || value.IsNotAvailable;

    private static MethodInfo Method(string name) => typeof(StudyValueRules).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
}
