using Clinical.Application.Schema.GetDataDictionary;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>The data dictionary of the native schema, from the table description.</summary>
internal sealed class StudyDataDictionary(DatabaseSchema schema) : IDataDictionary
{
    private readonly DatabaseSchema _schema = schema;

    public string Markdown() => DataDictionary.Markdown(_schema, StudyTables.All);
}
