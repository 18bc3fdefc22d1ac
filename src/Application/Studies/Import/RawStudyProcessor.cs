using System.Security.Cryptography;
using System.Text;
using Clinical.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// The per-study steps of an import: hash, parse, validate, map. Pure and thread-safe, so it can run ahead of the writer
/// on other cores. A study that fails any step becomes a <see cref="QuarantinedStudy"/>; it never throws for bad data.
/// </summary>
public sealed class RawStudyProcessor(IStudyRecordParser parser, IValidator<StudyRecord> validator, SchemaDriftScanner? driftScanner = null)
{
    public const string NulStripped = "nul-stripped";
    public const string UnknownPath = "unknown-path";

    private static readonly byte[] EscapedNul = "\\u0000"u8.ToArray();

    private readonly IStudyRecordParser _parser = parser;
    private readonly IValidator<StudyRecord> _validator = validator;
    private readonly SchemaDriftScanner? _driftScanner = driftScanner;

    public ProcessedStudy Process(RawStudy raw, byte[]? sha256 = null)
    {
        var utf8 = raw.Utf8.Span;
        sha256 ??= SHA256.HashData(utf8);
        var parsed = _parser.Parse(utf8);
        if (parsed.Record is not { } record)
        {
            return Reject(raw, sha256, PeekNctId(utf8), parsed.Error ?? "The study could not be read.", parsed.JsonPath);
        }

        var nctId = record.ProtocolSection?.IdentificationModule?.NctId;
        var validation = _validator.Validate(record);
        List<ValidationFailure>? warnings = null;
        foreach (var failure in validation.Errors)
        {
            if (failure.Severity == Severity.Error)
            {
                return Reject(raw, sha256, nctId, failure.ErrorMessage, StudyRecordValidator.ToJsonPath(failure.PropertyName));
            }

            (warnings ??= []).Add(failure);
        }

        if (HasEscapedNul(utf8))
        {
            (warnings ??= []).Add(new ValidationFailure(string.Empty, "U+0000 removed from text.") { ErrorCode = NulStripped, Severity = Severity.Warning });
        }

        try
        {
            var study = StudyMapper.ToStudy(record);
            var unknownPaths = _driftScanner?.FindUnknownPaths(utf8);
            foreach (var path in unknownPaths ?? [])
            {
                (warnings ??= []).Add(new ValidationFailure(path, "The schema has no column for this path.") { ErrorCode = UnknownPath, Severity = Severity.Warning });
            }

            return new ProcessedStudy(new StoredStudy(study, sha256, raw.Ordinal), null, warnings, unknownPaths);
        }
        catch (Exception ex) when (ex is DomainException or ArgumentException)
        {
            return Reject(raw, sha256, nctId, ex.Message, null);
        }
    }

    /// <summary>True when the JSON text holds the escape \u0000 itself, not an escaped backslash followed by "u0000".</summary>
    private static bool HasEscapedNul(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (utf8[offset..].IndexOf(EscapedNul) is var at and >= 0)
        {
            var backslashes = 0;
            for (var i = offset + at - 1; i >= 0 && utf8[i] == (byte)'\\'; i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }

            offset += at + EscapedNul.Length;
        }

        return false;
    }

    private static ProcessedStudy Reject(RawStudy raw, byte[] sha256, string? nctId, string reason, string? jsonPath) =>
        new(null, new QuarantinedStudy(raw.Ordinal, raw.ByteOffset, nctId, reason, jsonPath, raw.Utf8, sha256), null, null);

    /// <summary>
    /// The first "nctId":"…" in a study's text, without parsing it: the registry writes identificationModule.nctId first.
    /// Used to name studies that do not parse, and as the key to look up a stored hash (a wrong guess only costs the skip).
    /// </summary>
    public static string? PeekNctId(ReadOnlySpan<byte> utf8)
    {
        var key = "\"nctId\""u8;
        var at = utf8.IndexOf(key);
        if (at < 0)
        {
            return null;
        }

        var rest = utf8[(at + key.Length)..];
        var open = rest.IndexOf((byte)'"');
        if (open < 0 || open > 8)
        {
            return null;
        }

        rest = rest[(open + 1)..];
        var close = rest.IndexOf((byte)'"');
        return close is > 0 and <= 32 ? Encoding.UTF8.GetString(rest[..close]) : null;
    }
}

/// <summary>
/// The outcome of the per-study steps: a study to store, or a reject, or neither when the study's raw JSON is unchanged
/// since it was stored (it was not parsed); plus any warnings and JSON paths the schema lacks.
/// </summary>
public sealed record ProcessedStudy(StoredStudy? Study, QuarantinedStudy? Reject, IReadOnlyList<ValidationFailure>? Warnings, IReadOnlyList<string>? UnknownPaths = null)
{
    private string? _unchangedNctId;

    public bool IsUnchanged => Study is null && Reject is null;

    /// <summary>The study's NCT number, when it is known (always for stored and unchanged studies).</summary>
    public string? NctId => Study?.Study.NctId.Value ?? Reject?.NctId ?? _unchangedNctId;

    public static ProcessedStudy UnchangedStudy(string nctId) => new(null, null, null) { _unchangedNctId = nctId };
}
