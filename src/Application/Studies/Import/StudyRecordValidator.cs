using Clinical.Domain.Studies;
using FluentValidation;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Rejects only what cannot be stored faithfully: a study without a valid NCT number (errors). Every other rule comes
/// from the table description (<see cref="IStudySchema.Fields"/>): one <see cref="StudyFieldValidator"/> per field whose
/// kind has a rule (codes, dates, ages, result numbers), reporting values it cannot read as warnings; they are stored
/// as given. A schema path the wire record lacks throws here, at construction.
/// </summary>
public sealed class StudyRecordValidator : AbstractValidator<StudyRecord>
{
    public const string NctIdPath = "protocolSection.identificationModule.nctId";

    public StudyRecordValidator(IStudySchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
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

        var fields = new List<StudyFieldValidator>();
        foreach (var field in schema.Fields)
        {
            if (StudyValueRules.HasRule(field.Kind))
            {
                fields.Add(new StudyFieldValidator(field));
            }
            else
            {
                _ = WireRecordPath.Resolve(typeof(StudyRecord), field.JsonPath);
            }
        }

        foreach (var field in fields)
        {
            RuleFor(x => x).SetValidator(field).OverridePropertyName(field.Field.JsonPath);
        }

        FieldRules = fields;
    }

    /// <summary>The value rules generated from the schema, one per field that has one.</summary>
    public IReadOnlyList<StudyFieldValidator> FieldRules { get; }

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
