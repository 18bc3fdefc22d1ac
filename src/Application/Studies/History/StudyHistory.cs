namespace Clinical.Application.Studies.History;

/// <summary>A study's known versions, oldest first, the current one last; none when the study is not stored.</summary>
public sealed record StudyHistory(string NctId, IReadOnlyList<StudyVersion> Versions);
