using Clinical.Application.Studies.Import;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// Reads the gap between two studies of a top-level array after the JSON reader stopped there, and tells whether the only
/// trouble is structural: a doubled or leading comma, a missing comma, a stray <c>}</c>, a stray <c>]</c>, a trailing
/// comma before the closing <c>]</c>. Each flaw becomes an <see cref="InputWarning"/> with its byte offset, and the
/// reader resumes at the next study (or the closing <c>]</c>) as if the gap had been right. Anything else in the gap is
/// not structural: the caller's recovery for a broken study takes over. Runs only after a syntax error, never per study.
/// </summary>
internal static class JsonGapScanner
{
    public enum Outcome
    {
        /// <summary>Only structural flaws (at least one, with the caller's): resume reading at the index returned.</summary>
        Resume,

        /// <summary>The gap runs to the end of the data read so far: come back with more.</summary>
        NeedMore,

        /// <summary>The gap is fine, or holds something that is no structural flaw.</summary>
        NotStructural,
    }

    /// <param name="data">The data being split.</param>
    /// <param name="from">Where the gap starts: just after a study, or just after the array's <c>[</c>.</param>
    /// <param name="afterElement">True when a study ends at <paramref name="from"/> (a comma is then due).</param>
    /// <param name="isFinal">True when no more data will follow.</param>
    /// <param name="dataOffset">Absolute offset of <paramref name="data"/>'s first byte.</param>
    /// <param name="warnings">
    /// Flaws the caller already found at this gap (they count as one); receives the gap's own, only when the outcome is
    /// <see cref="Outcome.Resume"/>.
    /// </param>
    /// <param name="resume">Where to resume: the next study's <c>{</c>, or the closing <c>]</c>.</param>
    public static Outcome Scan(ReadOnlySpan<byte> data, int from, bool afterElement, bool isFinal, long dataOffset, List<InputWarning> warnings, out int resume)
    {
        resume = from;
        var found = new List<InputWarning>();
        var comma = -1;
        for (var i = from; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)',':
                    if (!afterElement || comma >= 0)
                    {
                        found.Add(new InputWarning(InputWarning.ExtraComma, dataOffset + i, afterElement ? "a doubled comma between two studies; skipped" : "a comma with no study before it; skipped"));
                    }
                    else
                    {
                        comma = i;
                    }

                    continue;
                case (byte)'}':
                    found.Add(new InputWarning(InputWarning.StrayBrace, dataOffset + i, "a stray '}' between two studies; skipped"));
                    continue;
                case (byte)']':
                    var next = data[(i + 1)..].IndexOfAnyExcept(" \t\r\n"u8);
                    if (next < 0 && !isFinal)
                    {
                        return Outcome.NeedMore;
                    }

                    if (next >= 0 && data[i + 1 + next] is (byte)',' or (byte)'{')
                    {
                        found.Add(new InputWarning(InputWarning.StrayBracket, dataOffset + i, "a stray ']' between two studies (the array went on); skipped"));
                        continue;
                    }

                    if (comma >= 0)
                    {
                        found.Add(new InputWarning(InputWarning.ExtraComma, dataOffset + comma, "a comma after the last study; skipped"));
                    }

                    resume = i;
                    return Take(found, warnings);
                case (byte)'{':
                    if (afterElement && comma < 0)
                    {
                        found.Add(new InputWarning(InputWarning.MissingComma, dataOffset + i, "no comma between two studies; read as if there were one"));
                    }

                    resume = i;
                    return Take(found, warnings);
                default:
                    return Outcome.NotStructural;
            }
        }

        return isFinal ? Outcome.NotStructural : Outcome.NeedMore;
    }

    private static Outcome Take(List<InputWarning> found, List<InputWarning> warnings)
    {
        if (found.Count == 0 && warnings.Count == 0)
        {
            return Outcome.NotStructural;
        }

        warnings.AddRange(found);
        return Outcome.Resume;
    }
}
