using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Import;

/// <summary>The warning rules shared by the record validators. Warnings never reject a study; they are counted per code.</summary>
internal static class ValueRules
{
    public const string UnknownCode = "unknown-code";
    public const string UnreadableDate = "unreadable-date";
    public const string UnreadableAge = "unreadable-age";

    public static IRuleBuilderOptions<T, string?> KnownCode<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(value => value is null || Coded<TEnum>.IsKnownSpelling(value))
            .WithSeverity(Severity.Warning)
            .WithErrorCode(UnknownCode)
            .WithMessage($"'{{PropertyValue}}' is not a {typeof(TEnum).Name} value of the specification; stored as given.");

    public static IRuleBuilderOptions<T, string?> ReadablePartialDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || PartialDate.Parse(value).IsParsed)
            .WithSeverity(Severity.Warning)
            .WithErrorCode(UnreadableDate)
            .WithMessage("'{PropertyValue}' is not YYYY, YYYY-MM or YYYY-MM-DD; stored as text only.");

    public static IRuleBuilderOptions<T, string?> ReadableFullDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || PartialDate.Parse(value).Precision == DatePrecision.Day)
            .WithSeverity(Severity.Warning)
            .WithErrorCode(UnreadableDate)
            .WithMessage("'{PropertyValue}' is not a YYYY-MM-DD date.");

    public static IRuleBuilderOptions<T, string?> ReadableTimestamp<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || LocalTimestamp.Parse(value).Value is not null)
            .WithSeverity(Severity.Warning)
            .WithErrorCode(UnreadableDate)
            .WithMessage("'{PropertyValue}' is not a yyyy-MM-ddTHH:mm timestamp; stored as text only.");

    public static IRuleBuilderOptions<T, string?> ReadableAge<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || Age.Parse(value).IsParsed)
            .WithSeverity(Severity.Warning)
            .WithErrorCode(UnreadableAge)
            .WithMessage("'{PropertyValue}' is not 'N Unit' (e.g. '18 Years'); stored as text only.");
}
