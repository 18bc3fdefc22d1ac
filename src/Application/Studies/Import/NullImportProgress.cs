namespace Clinical.Application.Studies.Import;

/// <summary>Progress that goes nowhere: the default when no one listens.</summary>
public sealed class NullImportProgress : IImportProgress
{
    public void Report(ImportProgressSnapshot snapshot)
    {
    }
}
