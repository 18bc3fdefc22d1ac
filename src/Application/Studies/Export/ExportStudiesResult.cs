namespace Clinical.Application.Studies.Export;

/// <summary>What an export wrote: how many studies and bytes, where, and how long it took.</summary>
public sealed record ExportStudiesResult(long Studies, long Bytes, string Output, TimeSpan Elapsed)
{
    public double StudiesPerSecond => Elapsed > TimeSpan.Zero ? Studies / Elapsed.TotalSeconds : 0;
}
