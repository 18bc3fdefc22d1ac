namespace Clinical.Application.Studies.Import;

/// <summary>
/// What one pass over a study's raw JSON found beyond the record: the paths the schema lacks (drift), the shape no column
/// holds, and ignored keys that were not the verbatim copy they are known to be (so they are lost, and say so).
/// </summary>
public sealed record StudyJsonScan(List<string>? UnknownPaths, StudyJsonShape? Shape, List<string>? DifferingCopies)
{
    public static StudyJsonScan Nothing { get; } = new(null, null, null);
}
