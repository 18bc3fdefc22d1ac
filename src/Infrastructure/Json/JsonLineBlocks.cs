using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clinical.Infrastructure.Json;

/// <summary>
/// The block walk behind <see cref="JsonValueSkipper.OneLineEnd"/>: 64 bytes at a time, each byte class (quote, backslash,
/// line break, opening and closing bracket) a bit mask from vector compares, the escaped bytes and the bytes inside
/// strings from those masks by bit arithmetic (the technique of simdjson's stage 1), and the bracket depth from counts.
/// Only a block where the depth could reach zero has its brackets visited one by one. The splitter cut every study of
/// the download this way; the byte-at-a-time walk cost about a tenth of a study's client CPU (docs/performance.md).
/// </summary>
internal static class JsonLineBlocks
{
    private const ulong EvenBits = 0x5555_5555_5555_5555;

    /// <summary>
    /// Walks whole 64-byte blocks of <paramref name="data"/> from the value's first byte, carrying the same state as the
    /// byte walk. Returns how many bytes it walked, with <paramref name="found"/> the index after the value's last byte
    /// when it ended there, -1 when a line break came first, and 0 when the rest (under 64 bytes) is left to the byte walk.
    /// </summary>
    public static int Walk(ReadOnlySpan<byte> data, ref int depth, ref bool inString, ref bool escape, out int found)
    {
        found = 0;
        if (!Vector128.IsHardwareAccelerated)
        {
            return 0;
        }

        var stringCarry = inString ? ulong.MaxValue : 0;
        var escapeCarry = escape ? 1UL : 0;
        ref var first = ref MemoryMarshal.GetReference(data);
        var at = 0;
        for (; at + 64 <= data.Length; at += 64)
        {
            Classify(ref Unsafe.Add(ref first, at), out var quotes, out var backslashes, out var breaks, out var opens, out var closes);
            var nextEscapeCarry = escapeCarry;
            var escaped = Escaped(backslashes, ref nextEscapeCarry);
            var inside = PrefixXor(quotes & ~escaped) ^ stringCarry;
            if ((backslashes & ~inside) != 0)
            {
                // A backslash outside a text (not JSON): the byte walk decides from this block on, as it always has.
                break;
            }

            escapeCarry = nextEscapeCarry;
            stringCarry = (ulong)((long)inside >> 63);
            opens &= ~inside;
            closes &= ~inside;

            // The depth cannot reach zero in a block with fewer closing brackets than it.
            if (BitOperations.PopCount(closes) < depth)
            {
                if (breaks != 0)
                {
                    found = -1;
                    return at;
                }

                depth += BitOperations.PopCount(opens) - BitOperations.PopCount(closes);
                continue;
            }

            for (var brackets = opens | closes; brackets != 0; brackets &= brackets - 1)
            {
                var bit = BitOperations.TrailingZeroCount(brackets);
                depth += (opens >> bit & 1) != 0 ? 1 : -1;
                if (depth == 0)
                {
                    found = (breaks & ((1UL << bit) - 1)) != 0 ? -1 : at + bit + 1;
                    return at;
                }
            }

            if (breaks != 0)
            {
                found = -1;
                return at;
            }
        }

        inString = stringCarry != 0;
        escape = escapeCarry != 0;
        return at;
    }

    /// <summary>The bytes escaped by a backslash: the byte after each run of an odd number of them.</summary>
    private static ulong Escaped(ulong backslashes, ref ulong carry)
    {
        if (backslashes == 0 && carry == 0)
        {
            return 0;
        }

        backslashes &= ~carry;
        var followsEscape = backslashes << 1 | carry;
        var oddStarts = backslashes & ~EvenBits & ~followsEscape;
        var sum = oddStarts + backslashes;
        carry = sum < oddStarts ? 1UL : 0;
        return (EvenBits ^ (sum << 1)) & followsEscape;
    }

    /// <summary>Each bit the parity of the set bits up to and including it: the bytes from an opening quote to its closing one.</summary>
    private static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        bits ^= bits << 32;
        return bits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify(ref byte block, out ulong quotes, out ulong backslashes, out ulong breaks, out ulong opens, out ulong closes)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            Classify256(Vector256.LoadUnsafe(ref block), out var q0, out var b0, out var n0, out var o0, out var c0);
            Classify256(Vector256.LoadUnsafe(ref block, 32), out var q1, out var b1, out var n1, out var o1, out var c1);
            (quotes, backslashes, breaks, opens, closes) = (q0 | q1 << 32, b0 | b1 << 32, n0 | n1 << 32, o0 | o1 << 32, c0 | c1 << 32);
            return;
        }

        (quotes, backslashes, breaks, opens, closes) = (0, 0, 0, 0, 0);
        for (var part = 0; part < 4; part++)
        {
            var bytes = Vector128.LoadUnsafe(ref block, (nuint)(16 * part));
            var folded = bytes | Vector128.Create((byte)0x20);
            var shift = 16 * part;
            quotes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << shift;
            backslashes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\\')).ExtractMostSignificantBits() << shift;
            breaks |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << shift;
            opens |= (ulong)Vector128.Equals(folded, Vector128.Create((byte)'{')).ExtractMostSignificantBits() << shift;
            closes |= (ulong)Vector128.Equals(folded, Vector128.Create((byte)'}')).ExtractMostSignificantBits() << shift;
        }
    }

    // '[' and ']' are '{' and '}' less 0x20, and no other byte folds onto them: one compare finds both kinds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify256(Vector256<byte> bytes, out ulong quotes, out ulong backslashes, out ulong breaks, out ulong opens, out ulong closes)
    {
        var folded = bytes | Vector256.Create((byte)0x20);
        quotes = Vector256.Equals(bytes, Vector256.Create((byte)'"')).ExtractMostSignificantBits();
        backslashes = Vector256.Equals(bytes, Vector256.Create((byte)'\\')).ExtractMostSignificantBits();
        breaks = Vector256.Equals(bytes, Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
        opens = Vector256.Equals(folded, Vector256.Create((byte)'{')).ExtractMostSignificantBits();
        closes = Vector256.Equals(folded, Vector256.Create((byte)'}')).ExtractMostSignificantBits();
    }
}
