namespace Clinical.Application.Studies.Export;

/// <summary>
/// What an export wrote: how many studies (JSON) or tables and rows (table formats), bytes, where, and how long it took.
/// </summary>
public sealed record ExportStudiesResult(long Studies, long Bytes, string Output, TimeSpan Elapsed, int Tables = 0, long Rows = 0)
{
    public double StudiesPerSecond => Elapsed > TimeSpan.Zero ? Studies / Elapsed.TotalSeconds : 0;

    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
