using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clinical.Application.Samples;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.SampleGenerator;

/// <summary>
/// Synthetic ClinicalTrials.gov studies driven by the table description (<see cref="StudyTables"/>): every stored path, values
/// by kind in the registry's spellings and formats, arrays of 1 to 3 elements, about one study in four with results. Study 0
/// holds every path; study <c>index</c> depends only on (seed, index), so the same seed writes the same bytes.
/// </summary>
public sealed class SampleStudyGenerator : ISampleStudyWriter
{
    private static readonly Lazy<SampleNode> Shape = new(() => SampleShape.Build(StudyTables.All));
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The NCT number of study <paramref name="index"/>: "NCT9" + the index on 7 digits.</summary>
    public static string NctIdFor(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, WriteSampleCommand.MaxStudies);
        return "NCT9" + index.ToString("D7", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes study <paramref name="index"/> of the sample <paramref name="seed"/> as one JSON object.</summary>
    public static void WriteStudy(Utf8JsonWriter writer, int index, int seed)
    {
        new StudyWriter(writer, new Random(StudySeed(seed, index)), complete: index == 0, NctIdFor(index)).WriteNode(Shape.Value, 0);
    }

    /// <summary>Writes <paramref name="count"/> studies as the website's download does: <c>[</c>, one compact study per line
    /// followed by <c>,</c> (but the last), <c>]</c>. UTF-8 without BOM, LF line ends; memory does not grow with the count.</summary>
    public void WriteArray(Stream output, int count, int seed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, WriteSampleCommand.MaxStudies);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        output.Write("[\n"u8);
        for (var index = 0; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                WriteStudy(writer, index, seed);
            }

            output.Write(buffer.WrittenSpan);
            output.Write(index < count - 1 ? ",\n"u8 : "\n"u8);
        }

        output.Write("]\n"u8);
    }

    /// <summary>Mixes (seed, index) with the SplitMix64 finalizer: consecutive seeds of <see cref="Random"/> start correlated.</summary>
    private static int StudySeed(int seed, int index)
    {
        unchecked
        {
            var z = (((ulong)(uint)seed << 32) | (uint)index) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & int.MaxValue);
        }
    }
}
