namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>AACT's result_type of a result group, as the bit field of <see cref="AactSql.ResultGroupId"/> holds it.</summary>
public enum AactGroupKind
{
    Baseline = 0,
    ParticipantFlow = 1,
    Outcome = 2,
    ReportedEvent = 3,
}
