using System.Text.RegularExpressions;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public partial class InvariantRulesTests
{
    [Fact]
    public void All_RuleNames_AreUniqueKebabCase()
    {
        var rules = InvariantRules.All;

        rules.Distinct().Count().ShouldBe(rules.Count);
        rules.ShouldAllBe(rule => KebabCase().IsMatch(rule));
    }

    [Fact]
    public void All_RealStudies_FindingCountsPerRuleEqualDataQualityDoc()
    {
        var documented = DocumentedCounts();

        var counts = InvariantRules.All.ToDictionary(rule => rule, _ => 0);
        foreach (var real in RealStudies.All)
        {
            foreach (var finding in StudyMapper.ToStudy(real.Record).Findings)
            {
                if (counts.TryGetValue(finding.Rule, out var count))
                {
                    counts[finding.Rule] = count + 1;
                }
            }
        }

        counts.OrderBy(c => c.Key, StringComparer.Ordinal).ShouldBe(documented.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    /// <summary>The counts table of docs/data-quality.md: rows "| `rule` | count | …".</summary>
    private static Dictionary<string, int> DocumentedCounts()
    {
        var path = RepositoryFile("docs/data-quality.md");
        return File.ReadLines(path)
            .Select(line => CountRow().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups[1].Value, match => int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clinical.sln")))
            {
                return Path.Combine(dir.FullName, relativePath);
            }
        }

        throw new InvalidOperationException($"No Clinical.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)+$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^\| `([a-z-]+)` \| (\d+) \|")]
    private static partial Regex CountRow();
}
