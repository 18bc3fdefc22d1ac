using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Buffers;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.Infrastructure.Persistence.Copy;

/// <summary>
/// Encodes a study's rows in PostgreSQL's binary COPY format, lineage included, into a <see cref="PreparedStudy"/>: every
/// table's rows after the previous table's, with no header, so a batch's COPY for a table is the header, each study's
/// segment for that table, and the trailer. Encoding happens on the reader's threads; a waiting batch holds one byte array
/// per study (about the raw JSON's size) instead of the parsed record and the domain object graph. The arrays come from a
/// pool (<see cref="StudyBufferPool"/>) and go back once the batch is written: they live for several batches, and left to the GC such mid-life arrays
/// pile up in generation 2 between its rare full collections, which shows in peak RSS (docs/performance.md).
/// </summary>
internal static class StudyRowEncoder
{
    // Studies above this size (a few in the registry) get a scratch buffer of their own, which is then let go.
    private const int MaxScratchBytes = 4 << 20;

    // One delegate for every study: releasing allocates nothing.
    private static readonly Action<byte[]> ReturnToPool = static rows => StudyBufferPool.Shared.Return(rows);

    [ThreadStatic]
    private static BinaryCopyBuffer? t_scratch;

    /// <summary>Encodes the rows of every table in <paramref name="tables"/> (in that order, one segment each) for one study.</summary>
    public static PreparedStudy Encode(IReadOnlyList<Table> tables, StoredStudy study, StudyLineage lineage)
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

        var data = StudyBufferPool.Shared.Rent(scratch.Length);
        scratch.Data.Span.CopyTo(data);
        var prepared = new PreparedStudy(study.Study.NctId, study.ContentSha256, study.Ordinal, rows, data, ends, ReturnToPool);
        if (scratch.Capacity > MaxScratchBytes)
        {
            t_scratch = null;
        }

        return prepared;
    }
}
