namespace Clinical.Application.Studies.Import;

/// <summary>Receives the running counts after each batch (a progress bar, a log line, nothing).</summary>
public interface IImportProgress
{
    void Report(ImportProgressSnapshot snapshot);
}
