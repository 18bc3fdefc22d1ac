namespace Clinical.Application.Samples;

/// <summary>What <see cref="WriteSampleCommand"/> wrote: how many studies, where, and the file's size (null for standard output).</summary>
public sealed record WriteSampleResult(int Studies, string Output, long? Bytes);
