using Clinical.Application.Schema.GetDataDictionary;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>The data dictionary of the ctgov schema, from the table description.</summary>
internal sealed class StudyDataDictionary : IDataDictionary
{
    public string Markdown() => DataDictionary.Markdown(StudyTables.All);
}
