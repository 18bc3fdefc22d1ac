namespace Clinical.Infrastructure.Json;

/// <summary>
/// Steps over one JSON value (an object, an array or a string) without tokenising it: counts brackets outside strings and
/// honours escapes inside them. Fed chunk by chunk (<see cref="Feed"/>), memory stays constant whatever the value's size,
/// so a study over the size limit, or a decompression bomb's endless string, costs nothing but the time to read it.
/// <see cref="OneLineEnd"/> finds where a study that stands on its own line ends: how the splitter cuts the registry's
/// download without tokenising it (the decoder is the one pass that reads each study). It walks 64-byte blocks by bit masks
/// (<see cref="JsonLineBlocks"/>) and this byte walk only the last few bytes, or from a block that is not JSON.
/// </summary>
internal sealed class JsonValueSkipper
{
    private int _depth;
    private bool _inString;
    private bool _escape;

    /// <summary>True once the value's last byte has been fed.</summary>
    public bool Done { get; private set; }

    /// <summary>Feeds the next bytes of the value (the first chunk starts at its first byte); returns how many belong to it.</summary>
    public int Feed(ReadOnlySpan<byte> data)
    {
        var used = Step(data, ref _depth, ref _inString, ref _escape, lineBound: false, out var done);
        Done = done;
        return used;
    }

    /// <summary>
    /// Where the value starting at <paramref name="start"/> ends (the index after its last byte), when it ends on its own
    /// line within <paramref name="data"/>; -1 when it does not (it spans lines, as a pretty-printed study does, or its end
    /// has not been read yet).
    /// </summary>
    public static int OneLineEnd(ReadOnlySpan<byte> data, int start)
    {
        var (depth, inString, escape) = (0, false, false);
        var at = start + JsonLineBlocks.Walk(data[start..], ref depth, ref inString, ref escape, out var found);
        if (found != 0)
        {
            return found > 0 ? start + found : -1;
        }

        var used = Step(data[at..], ref depth, ref inString, ref escape, lineBound: true, out var done);
        return done ? at + used : -1;
    }

    /// <summary>The byte-at-a-time walk of <see cref="OneLineEnd"/>, the reference its block walk is tested against.</summary>
    internal static int OneLineEndByBytes(ReadOnlySpan<byte> data, int start)
    {
        var (depth, inString, escape) = (0, false, false);
        var used = Step(data[start..], ref depth, ref inString, ref escape, lineBound: true, out var done);
        return done ? start + used : -1;
    }

    /// <summary>
    /// Steps over the value's bytes in <paramref name="data"/>; returns how many belong to it, with <paramref name="done"/>
    /// set at its last byte. Between texts a byte at a time (in compact JSON a quote comes every few bytes there); within a
    /// text, a vectorised search, since texts are most of a study's bytes and can be long. With <paramref name="lineBound"/>
    /// a line break stops the walk without the value being done (a raw one cannot stand in a string either).
    /// </summary>
    private static int Step(ReadOnlySpan<byte> data, ref int depth, ref bool inString, ref bool escape, bool lineBound, out bool done)
    {
        done = false;
        var i = 0;
        while (i < data.Length)
        {
            if (escape)
            {
                escape = false;
                i++;
                continue;
            }

            if (inString)
            {
                var at = lineBound ? data[i..].IndexOfAny((byte)'"', (byte)'\\', (byte)'\n') : data[i..].IndexOfAny((byte)'"', (byte)'\\');
                if (at < 0)
                {
                    return data.Length;
                }

                i += at;
                var mark = data[i++];
                if (mark == (byte)'\\')
                {
                    escape = true;
                }
                else if (mark == (byte)'\n')
                {
                    return i;
                }
                else
                {
                    inString = false;
                    if (depth == 0)
                    {
                        done = true;
                        return i;
                    }
                }

                continue;
            }

            switch (data[i++])
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth <= 0)
                    {
                        done = true;
                        return i;
                    }

                    break;
                case (byte)'\n' when lineBound:
                    return i;
            }
        }

        return i;
    }
}
