namespace Clinical.Application.Studies.Export;

/// <summary>Gives stored studies back as the registry's JSON, one at a time, ordered by NCT number, in constant memory.</summary>
public interface IStudyExporter
{
    /// <summary>
    /// The selected studies, read from one consistent snapshot. A selection the database cannot run (a --where that does
    /// not parse or names a column that does not exist) throws <see cref="ExportSelectionException"/>.
    /// </summary>
    IAsyncEnumerable<ExportedStudy> ExportAsync(ExportSelection selection, CancellationToken cancellationToken);
}
