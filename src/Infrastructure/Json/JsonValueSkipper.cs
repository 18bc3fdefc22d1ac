namespace Clinical.Infrastructure.Json;

/// <summary>
/// Steps over one JSON value (an object, an array or a string) chunk by chunk without keeping it: counts brackets outside
/// strings and honours escapes inside them. Memory stays constant whatever the value's size, so a study over the size
/// limit, or a decompression bomb's endless string, costs nothing but the time to read it.
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
        var i = 0;
        while (i < data.Length && !Done)
        {
            if (_escape)
            {
                _escape = false;
                i++;
            }
            else if (_inString)
            {
                var at = data[i..].IndexOfAny((byte)'"', (byte)'\\');
                if (at < 0)
                {
                    return data.Length;
                }

                i += at;
                _escape = data[i] == (byte)'\\';
                _inString = _escape;
                Done = !_inString && _depth == 0;
                i++;
            }
            else
            {
                var at = data[i..].IndexOfAny("{}[]\""u8);
                if (at < 0)
                {
                    return data.Length;
                }

                i += at;
                switch (data[i])
                {
                    case (byte)'"':
                        _inString = true;
                        break;
                    case (byte)'{' or (byte)'[':
                        _depth++;
                        break;
                    default:
                        Done = --_depth <= 0;
                        break;
                }

                i++;
            }
        }

        return i;
    }
}
