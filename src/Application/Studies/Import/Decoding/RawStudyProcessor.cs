using System.Text;
using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Takes one raw study of the input through the per-study steps: parse it, note what the schema lacks (drift) and any U+0000
/// to drop, then send it through the per-study pipeline (<see cref="ProcessStudy"/>: reject rules, mapping and findings, then <see cref="EncodeStudy"/>: rows). Thread-safe,
/// so the reader runs it on all cores. A field the record cannot hold was salvaged by the parser (stored as null, with a
/// finding); a study that fails any step becomes a reject; it never throws for bad data.
/// </summary>
public sealed class RawStudyProcessor(IStudyRecordParser parser, ISender sender, SchemaDriftScanner? driftScanner = null)
{
    public const string NulStripped = "nul-stripped";
    public const string UnknownPath = "unknown-path";
    public const string CopyDiffers = "copy-differs";

    private static readonly byte[] EscapedNul = "\\u0000"u8.ToArray();

    private readonly IStudyRecordParser _parser = parser;
    private readonly ISender _sender = sender;
    private readonly SchemaDriftScanner? _driftScanner = driftScanner;

    public async ValueTask<ProcessedStudy> ProcessAsync(long runId, RawStudy raw, byte[] sha256, CancellationToken cancellationToken)
    {
        if (raw.OversizeLength is { } size)
        {
            var reason = $"The study is {size:N0} bytes, over the size limit of one study (--max-study-mb); its first {raw.Utf8.Length:N0} bytes are kept here.";
            return ProcessedStudy.Rejected(new QuarantinedStudy(raw.Ordinal, raw.ByteOffset, PeekNctId(raw.Utf8.Span), reason, "$", raw.Utf8, sha256));
        }

        var parsed = _parser.Parse(raw.Utf8.Span);
        if (parsed.Record is not { } record)
        {
            var reject = new QuarantinedStudy(raw.Ordinal, raw.ByteOffset, PeekNctId(raw.Utf8.Span), parsed.Error ?? "The study could not be read.", parsed.JsonPath, raw.Utf8, sha256);
            return ProcessedStudy.Rejected(reject);
        }

        // A salvaged study is inspected as it was read: the salvaged values (nulled) are no drift and hold no U+0000.
        var (warnings, unknownPaths, shape) = Inspect(parsed.Salvaged is null ? raw.Utf8.Span : parsed.SalvagedUtf8.Span);
        var processed = await _sender.Send(new ProcessStudy(runId, raw, sha256, record) { Salvaged = parsed.Salvaged, Shape = shape }, cancellationToken);
        return processed.Reject is null ? processed.With(warnings, unknownPaths) : processed;
    }

    /// <summary>
    /// What the raw text says that the record cannot: U+0000 escapes (dropped from text), paths the schema lacks, ignored
    /// copies that are not verbatim (lost), and the JSON shape no column holds.
    /// </summary>
    private (List<Finding>? Warnings, List<string>? UnknownPaths, StudyJsonShape? Shape) Inspect(ReadOnlySpan<byte> utf8)
    {
        List<Finding>? warnings = null;
        if (HasEscapedNul(utf8))
        {
            (warnings ??= []).Add(new Finding(NulStripped, "$", null, "U+0000 removed from text."));
        }

        var scan = _driftScanner?.Scan(utf8) ?? StudyJsonScan.Nothing;
        foreach (var path in scan.UnknownPaths ?? [])
        {
            (warnings ??= []).Add(new Finding(UnknownPath, path, null, "The schema has no column for this path."));
        }

        foreach (var path in scan.DifferingCopies ?? [])
        {
            (warnings ??= []).Add(new Finding(CopyDiffers, path, null, "This ignored key is known as a verbatim copy of another, but differs from it; it is not stored."));
        }

        return (warnings, scan.UnknownPaths, scan.Shape);
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
