using System.Text.Json;
using System.Text.Json.Nodes;
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

    [Fact]
    public void All_RealStudyBrokenOncePerRule_FindsEachRuleOnceAtItsPath()
    {
        var real = RealStudies.All.First(IsBreakable);
        var json = JsonNode.Parse(real.Json.GetRawText())!;
        var protocol = json["protocolSection"]!;
        var results = json["resultsSection"]!;
        json["hasResults"] = false;
        protocol["eligibilityModule"]!["minimumAge"] = "99 Years";
        protocol["eligibilityModule"]!["maximumAge"] = "1 Year";
        protocol["designModule"]!["enrollmentInfo"] = new JsonObject { ["count"] = -1 };
        protocol["statusModule"]!["startDateStruct"] = new JsonObject { ["date"] = "2020-06", ["type"] = "ACTUAL" };
        protocol["statusModule"]!["primaryCompletionDateStruct"] = new JsonObject { ["date"] = "2020-01-31", ["type"] = "ACTUAL" };
        protocol["statusModule"]!["completionDateStruct"] = new JsonObject { ["date"] = "2021-06", ["type"] = "ACTUAL" };
        protocol["armsInterventionsModule"]!["interventions"]![0]!["armGroupLabels"]!.AsArray().Add("No such arm");
        protocol["armsInterventionsModule"]!["armGroups"]![0]!["interventionNames"] = new JsonArray("Drug: No such drug");
        var stats = results["adverseEventsModule"]!["seriousEvents"]![0]!["stats"]!.AsArray();
        stats[0]!["numAffected"] = stats[0]!["numAtRisk"]!.GetValue<int>() + 1;
        stats.Add(stats[1]!.DeepClone());
        var (o, c, k) = FirstMeasurement(results["outcomeMeasuresModule"]!["outcomeMeasures"]!.AsArray());
        results["outcomeMeasuresModule"]!["outcomeMeasures"]![o]!["classes"]![c]!["categories"]![k]!["measurements"]![0]!["groupId"] = "OG999";
        var record = json.Deserialize<StudyRecord>(RealStudies.Options)!;

        var study = StudyMapper.ToStudy(record);

        var labels = protocol["armsInterventionsModule"]!["interventions"]![0]!["armGroupLabels"]!.AsArray().Count;
        study.Findings.Select(f => (f.Rule, f.JsonPath)).ShouldBe(
        [
            (InvariantRules.MinAgeAboveMaxAge, "protocolSection.eligibilityModule.minimumAge"),
            (InvariantRules.NegativeEnrollment, "protocolSection.designModule.enrollmentInfo.count"),
            (InvariantRules.DatesOutOfOrder, "protocolSection.statusModule.primaryCompletionDateStruct.date"),
            (InvariantRules.UnknownArmGroupLabel, $"protocolSection.armsInterventionsModule.interventions[0].armGroupLabels[{labels - 1}]"),
            (InvariantRules.UnknownInterventionName, "protocolSection.armsInterventionsModule.armGroups[0].interventionNames[0]"),
            (InvariantRules.ResultsWithoutFlag, "hasResults"),
            (InvariantRules.UndeclaredGroupId, $"resultsSection.outcomeMeasuresModule.outcomeMeasures[{o}].classes[{c}].categories[{k}].measurements[0].groupId"),
            (InvariantRules.AffectedExceedsAtRisk, "resultsSection.adverseEventsModule.seriousEvents[0].stats[0].numAffected"),
            (InvariantRules.DuplicateKey, $"resultsSection.adverseEventsModule.seriousEvents[0].stats[{stats.Count - 1}].groupId"),
        ],
        ignoreOrder: true);
    }

    /// <summary>A real study with every part the breaking test changes: ages, arms with labels, serious events with two stats, outcome data.</summary>
    private static bool IsBreakable(RealStudy real)
    {
        if (real.At("resultsSection", "outcomeMeasuresModule") is null
            || real.At("protocolSection", "eligibilityModule") is null
            || real.At("protocolSection", "designModule") is null
            || real.ArrayLength("protocolSection", "armsInterventionsModule", "armGroups") == 0
            || real.At("protocolSection", "armsInterventionsModule", "interventions") is not { ValueKind: JsonValueKind.Array } interventions
            || interventions.GetArrayLength() == 0
            || !interventions[0].TryGetProperty("armGroupLabels", out _)
            || real.At("resultsSection", "adverseEventsModule", "seriousEvents") is not { ValueKind: JsonValueKind.Array } events
            || events.GetArrayLength() == 0)
        {
            return false;
        }

        var stats = events[0].GetProperty("stats");
        return stats.GetArrayLength() >= 2 && stats[0].TryGetProperty("numAtRisk", out _);
    }

    private static (int Measure, int Class, int Category) FirstMeasurement(JsonArray measures)
    {
        for (var o = 0; o < measures.Count; o++)
        {
            var classes = measures[o]!["classes"]?.AsArray() ?? [];
            for (var c = 0; c < classes.Count; c++)
            {
                var categories = classes[c]!["categories"]?.AsArray() ?? [];
                for (var k = 0; k < categories.Count; k++)
                {
                    if (categories[k]!["measurements"]?.AsArray().Count > 0)
                    {
                        return (o, c, k);
                    }
                }
            }
        }

        throw new InvalidOperationException("The chosen study has no outcome measurement.");
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
