using System.Text;
using Clinical.Domain.Studies;
using Mediator;

namespace Clinical.Application.Studies.Import;

/// <summary>
/// Takes one raw study of the input through the per-study steps: decode it (one pass: the record, salvaged values, drift,
/// shape, U+0000), then send it through the per-study pipeline (<see cref="ProcessStudy"/>: reject rules, mapping and
/// findings, then <see cref="EncodeStudy"/>: rows). Thread-safe, so the reader runs it on all cores. A field the record
/// cannot hold was salvaged by the decoder (stored as null, with a finding); a study that fails any step becomes a reject;
/// it never throws for bad data.
/// </summary>
public sealed class RawStudyProcessor(IStudyDecoder decoder, ISender sender)
{
    public const string NulStripped = "nul-stripped";
    public const string UnknownPath = "unknown-path";
    public const string CopyDiffers = "copy-differs";

    private readonly IStudyDecoder _decoder = decoder;
    private readonly ISender _sender = sender;

    public async ValueTask<ProcessedStudy> ProcessAsync(long runId, RawStudy raw, byte[] sha256, CancellationToken cancellationToken)
    {
        if (raw.OversizeLength is { } size)
        {
            var reason = $"The study is {size:N0} bytes, over the size limit of one study (--max-study-mb); its first {raw.Utf8.Length:N0} bytes are kept here.";
            return ProcessedStudy.Rejected(raw.Quarantine(PeekNctId(raw.Utf8.Span), reason, "$", sha256));
        }

        var decoded = _decoder.Decode(raw.Utf8.Span);
        if (decoded.Record is not { } record)
        {
            return ProcessedStudy.Rejected(raw.Quarantine(PeekNctId(raw.Utf8.Span), decoded.Error ?? "The study could not be read.", decoded.JsonPath, sha256));
        }

        var processed = await _sender.Send(new ProcessStudy(runId, raw, sha256, record) { Salvaged = decoded.Salvaged, Shape = decoded.Shape }, cancellationToken);
        return processed.Reject is null ? processed.With(Warnings(decoded), decoded.UnknownPaths) : processed;
    }

    /// <summary>
    /// What the text said that the record cannot: U+0000 escapes (dropped from text), paths the schema lacks, ignored
    /// copies that are not verbatim (lost).
    /// </summary>
    private static List<Finding>? Warnings(DecodedStudy decoded)
    {
        List<Finding>? warnings = null;
        if (decoded.HoldsNul)
        {
            (warnings ??= []).Add(new Finding(NulStripped, "$", null, "U+0000 removed from text."));
        }

        foreach (var path in decoded.UnknownPaths ?? [])
        {
            (warnings ??= []).Add(new Finding(UnknownPath, path, null, "The schema has no column for this path."));
        }

        foreach (var path in decoded.DifferingCopies ?? [])
        {
            (warnings ??= []).Add(new Finding(CopyDiffers, path, null, "This ignored key is known as a verbatim copy of another, but differs from it; it is not stored."));
        }

        return warnings;
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
