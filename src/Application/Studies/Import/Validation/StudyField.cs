namespace Clinical.Application.Studies.Import;

/// <summary>
/// One leaf of the record as the table description declares it: its absolute JSON path (dot-separated property names,
/// arrays flattened), the kind of value it holds and, for codes, the enum whose spellings it takes.
/// </summary>
public sealed record StudyField(string JsonPath, StudyValueKind Kind, Type? EnumType = null);
