using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The reject rules of the wire record: what cannot be stored faithfully, a study without a valid NCT number. Nothing
/// else is checked here: a value the registry is not known to send (an unknown code, an unreadable date) is stored as
/// given, and its value object says so after mapping (<see cref="StudyValueFindings"/>).
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
    }

    /// <summary>FluentValidation names members in PascalCase; report them as the JSON paths users see in the file.</summary>
    public static string ToJsonPath(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
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
