namespace Clinical.Application.Samples;

/// <summary>Writes synthetic studies in the website download's shape: a JSON array, one compact study per line.</summary>
public interface ISampleStudyWriter
{
    /// <summary>Writes <paramref name="count"/> studies to <paramref name="output"/>; the same seed always writes the same bytes.</summary>
    void WriteArray(Stream output, int count, int seed, CancellationToken cancellationToken);
}
