using System.Buffers;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Persistence.Copy;

/// <summary>
/// A study's rows in PostgreSQL's binary COPY format, lineage included: every table's rows after the previous table's,
/// with no header, so a batch's COPY for a table is the header, each study's slice for that table, and the trailer.
/// Encoding happens on the reader's threads; a waiting batch holds one byte array per study (about the raw JSON's size)
/// instead of the parsed record and the domain object graph. The arrays come from a pool and go back once the batch is
/// written: they live for several batches, and left to the GC such mid-life arrays piled up in generation 2 between its
/// rare full collections (measured: peak RSS 470 MB with batches of 750 studies).
/// </summary>
internal sealed class EncodedStudy : PreparedStudy
{
    // Studies above this size (a few in the registry) get a scratch buffer of their own, which is then let go.
    private const int MaxScratchBytes = 4 << 20;

    // Sized for the arrays in flight (a few batches of studies); larger studies' arrays are plain allocations.
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1 << 20, maxArraysPerBucket: 8192);

    [ThreadStatic]
    private static BinaryCopyBuffer? t_scratch;

    private readonly int[] _tableEnds;
    private byte[]? _rows;

    private EncodedStudy(StoredStudy study, byte[] rows, int length, int[] tableEnds, long rowCount)
        : base(study.Study.NctId, study.ContentSha256, study.Ordinal)
    {
        _rows = rows;
        Length = length;
        _tableEnds = tableEnds;
        Rows = rowCount;
    }

    public override long Rows { get; }

    /// <summary>Bytes the study's rows take.</summary>
    public int Length { get; }

    /// <summary>Encodes the rows of every table in <paramref name="tables"/> (in that order) for one study.</summary>
    internal static EncodedStudy Encode(IReadOnlyList<Table> tables, StoredStudy study, StudyLineage lineage)
    {
        var scratch = t_scratch ??= new BinaryCopyBuffer();
        scratch.ClearRows();
        var ends = new int[tables.Count];
        long rows = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            rows += tables[t].WriteRows(scratch, study.Study, lineage);
            ends[t] = scratch.Length;
        }

        var data = Pool.Rent(scratch.Length);
        scratch.Data.Span.CopyTo(data);
        var encoded = new EncodedStudy(study, data, scratch.Length, ends, rows);
        if (scratch.Capacity > MaxScratchBytes)
        {
            t_scratch = null;
        }

        return encoded;
    }

    /// <summary>The study's rows of table number <paramref name="table"/> (its index in the list it was encoded with).</summary>
    public ReadOnlyMemory<byte> RowsOf(int table)
    {
        var rows = _rows ?? throw new ObjectDisposedException(nameof(EncodedStudy), $"The rows of {NctId} were released.");
        var start = table == 0 ? 0 : _tableEnds[table - 1];
        return rows.AsMemory(start, _tableEnds[table] - start);
    }

    /// <summary>Gives the rows' array back to the pool once the study's batch is written (or has failed for good).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _rows, null) is { } rows)
        {
            Pool.Return(rows);
        }
    }
}
