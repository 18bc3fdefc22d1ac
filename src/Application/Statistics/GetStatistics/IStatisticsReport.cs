namespace Clinical.Application.Statistics.GetStatistics;

/// <summary>Counts over a loaded database.</summary>
public interface IStatisticsReport
{
    /// <summary>
    /// The statistics of <see cref="DatabaseStatistics"/>; every list is empty when the schema does not exist yet, and
    /// <see cref="DatabaseStatistics.FindingsByRule"/> is empty when the findings table does not exist.
    /// </summary>
    Task<DatabaseStatistics> StatisticsAsync(CancellationToken cancellationToken);
}
