namespace Clinical.Infrastructure.Buffers;

/// <summary>
/// The arrays that hold one study's bytes while it is on its way: its raw JSON from the splitter until its chunk is
/// processed, and its encoded rows until its batch is written. Both are mid-life arrays (they outlive a generation-0
/// collection, then die), which left to the GC were promoted, copied and collected again in generation 1 and 2.
/// Sizes come in classes a quarter of an octave apart (4 KB, then 5, 6, 7, 8 KB, 10, 12, 14, 16 KB … up to 1 MB), so an
/// array is at most a quarter larger than the bytes it holds, about a tenth on average; <c>ArrayPool</c>'s power-of-two
/// buckets made it a third, and the arrays in flight (two batches of studies and the reader's chunks) are most of the
/// importer's memory. Raw JSON and rows of a study are about the same size, so one pool serves both.
/// </summary>
internal sealed class StudyBufferPool
{
    /// <summary>The pool of the import: sized for the arrays in flight (the reader's chunks and a few batches of studies).</summary>
    public static StudyBufferPool Shared { get; } = new(maxPerClass: 8192);

    /// <summary>The largest array the pool keeps; larger rows get an array of their own, left to the GC.</summary>
    public const int MaxLength = 1 << 20;

    private const int MinShift = 12; // 4 KB, the first class
    private const int Classes = 1 + ((20 - MinShift) * 4);

    private readonly Stack<byte[]>[] _free = [.. Enumerable.Range(0, Classes).Select(_ => new Stack<byte[]>())];
    private readonly int _maxPerClass;

    public StudyBufferPool(int maxPerClass) => _maxPerClass = maxPerClass;

    /// <summary>An array of at least <paramref name="length"/> bytes: the smallest class that holds it.</summary>
    public byte[] Rent(int length)
    {
        if (length > MaxLength)
        {
            return GC.AllocateUninitializedArray<byte>(length);
        }

        var index = ClassOf(length);
        var free = _free[index];
        lock (free)
        {
            if (free.TryPop(out var array))
            {
                return array;
            }
        }

        return GC.AllocateUninitializedArray<byte>(SizeOf(index));
    }

    /// <summary>Takes back an array <see cref="Rent"/> gave (any other is left to the GC).</summary>
    public void Return(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var index = array.Length <= MaxLength ? ClassOf(array.Length) : -1;
        if (index < 0 || SizeOf(index) != array.Length)
        {
            return;
        }

        var free = _free[index];
        lock (free)
        {
            if (free.Count < _maxPerClass)
            {
                free.Push(array);
            }
        }
    }

    /// <summary>The class of <paramref name="length"/> bytes (at most <see cref="MaxLength"/>): 0 up to 4 KB, then four per octave.</summary>
    internal static int ClassOf(int length)
    {
        if (length <= 1 << MinShift)
        {
            return 0;
        }

        var octave = 31 - int.LeadingZeroCount(length - 1); // 2^octave < length <= 2^(octave + 1)
        var quarter = (length - (1 << octave) - 1) >> (octave - 2);
        return 1 + ((octave - MinShift) * 4) + quarter;
    }

    /// <summary>The array length of class <paramref name="index"/>.</summary>
    internal static int SizeOf(int index)
    {
        if (index == 0)
        {
            return 1 << MinShift;
        }

        var octave = MinShift + ((index - 1) / 4);
        return (1 << octave) + ((((index - 1) % 4) + 1) << (octave - 2));
    }
}
