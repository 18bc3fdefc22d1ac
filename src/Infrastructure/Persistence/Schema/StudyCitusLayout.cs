using Clinical.Application.Schema.GetCitusLayout;
using Clinical.Infrastructure.Persistence.Aact;

namespace Clinical.Infrastructure.Persistence.Schema;

/// <summary>The Citus layout of the native schema and the AACT layer, from the table description.</summary>
internal sealed class StudyCitusLayout(DatabaseSchema schema) : IDistributedLayout
{
    private readonly DatabaseSchema _schema = schema;

    public string CitusScript() => CitusLayout.Script(_schema, StudyTables.All, AactTables.All);
}
