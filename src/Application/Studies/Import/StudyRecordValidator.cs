using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Rejects only what cannot be stored faithfully: a study without a valid NCT number. Everything else the record may
/// hold is stored; values this version does not recognise are warnings (see <see cref="StudyValueChecks"/>).
/// </summary>
public sealed class StudyRecordValidator : AbstractValidator<StudyRecord>
{
    public const string NctIdPath = "protocolSection.identificationModule.nctId";

    public StudyRecordValidator()
    {
        RuleFor(x => x.ProtocolSection).NotNull()
            .OverridePropertyName("protocolSection")
            .WithMessage("The study has no protocolSection, so it has no NCT number.");
        RuleFor(x => x.ProtocolSection!.IdentificationModule).NotNull()
            .OverridePropertyName("protocolSection.identificationModule")
            .WithMessage("The study has no identificationModule, so it has no NCT number.")
            .When(x => x.ProtocolSection is not null);
        RuleFor(x => x.ProtocolSection!.IdentificationModule!.NctId)
            .NotEmpty().WithMessage("The study has no nctId.")
            .Must(id => NctId.IsValid(id)).WithMessage("'{PropertyValue}' is not an NCT number (NCT + 8 digits).")
            .OverridePropertyName(NctIdPath)
            .When(x => x.ProtocolSection?.IdentificationModule is not null);

        // Warnings only, for every enum, date and age of the record: plain code (see StudyValueChecks) in one custom rule.
        RuleFor(x => x).Custom((record, context) => StudyValueChecks.Check(record, new ValueCheckContext(context)));
    }

    /// <summary>FluentValidation names members in PascalCase; report them as the JSON paths users see in the file.</summary>
    public static string ToJsonPath(string propertyName)
    {
        if (propertyName.Length == 0)
        {
            return propertyName;
        }

        var chars = propertyName.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] == '.')
            {
                chars[i] = char.ToLowerInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
