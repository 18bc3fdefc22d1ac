using System.Text.RegularExpressions;
using Clinical.IntegrationTests.TestData;
using static Clinical.IntegrationTests.EndToEnd.Aact.StudyJson;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>The README's AACT example query, run as written, gives the result the README prints and the JSON holds.</summary>
[Collection(AactCollection.Name)]
public sealed partial class AactReadmeExampleTests(AactRealStudies aact)
{
    private readonly AactRealStudies _aact = aact;

    [Fact]
    public async Task ReadmeExample_RunAsWritten_GivesTheRecruitingStudiesPerCountryItPrints()
    {
        _aact.RequireAvailable();
        var readme = await File.ReadAllTextAsync(PostgresServer.RepositoryFile("README.md")!, TestContext.Current.CancellationToken);
        var block = ExampleBlock().Match(readme);
        block.Success.ShouldBeTrue("README.md has no <!-- aact-example --> sql block");
        var sql = block.Groups["sql"].Value;
        var printed = block.Groups["result"].Value.Split(" · ").Select(p => p.Trim()).ToArray();
        var expected = _aact.Studies
            .Where(s => Text(s, "protocolSection.statusModule.overallStatus") == "RECRUITING")
            .SelectMany(s => Items(s, "protocolSection.contactsLocationsModule.locations").Select(l => Text(l, "country")).Where(c => c is not null).Distinct())
            .GroupBy(c => c!)
            .Select(g => $"{g.Key} {g.Count()}")
            .ToArray();

        var rows = await _aact.ColumnAsync<string>($"SELECT country || ' ' || studies FROM ({sql.TrimEnd().TrimEnd(';')}) x");

        rows.ShouldBe(printed);
        rows.ShouldAllBe(r => expected.Contains(r));
    }

    [GeneratedRegex(@"<!-- aact-example -->\s*```sql\n(?<sql>.*?;)\n--\s+(?<result>[^\n]*)\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
