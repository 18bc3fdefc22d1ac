using Clinical.Infrastructure;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.IntegrationTests.TestData;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class DataDictionaryTests
{
    [Fact]
    public void Markdown_GeneratedFromTheDescription_EqualsTheCommittedDocsSchemaMd()
    {
        var committedPath = PostgresServer.RepositoryFile("docs/schema.md");
        committedPath.ShouldNotBeNull("docs/schema.md is missing");

        var generated = DataDictionary.Markdown(DatabaseSchema.Default, StudyTables.All);

        File.ReadAllText(committedPath).ShouldBe(generated, "docs/schema.md is stale: run 'dotnet run --project src/Cli -- schema -o docs/schema.md'");
    }

    [Fact]
    public void Markdown_EveryTableAndColumn_IsListedWithItsJsonPath()
    {
        var markdown = DataDictionary.Markdown(DatabaseSchema.Default, StudyTables.All);

        foreach (var table in StudyTables.All)
        {
            markdown.ShouldContain($"### `{table.Name}`");
            foreach (var column in table.ValueColumns.Where(c => c.JsonPath is not null))
            {
                markdown.ShouldContain($"| `{column.Name}` |");
            }
        }
    }

    [Fact]
    public void Describe_DocumentedPath_ReturnsTheRegistrysDescription()
    {
        var field = DataDictionary.Describe("protocolSection.identificationModule.nctId");

        field.ShouldNotBeNull();
        field.Value.Title.ShouldBe("National Clinical Trial (NCT) Identification Number");
        field.Value.Description.ShouldStartWith("The unique identification code given to each clinical study");
    }
}
