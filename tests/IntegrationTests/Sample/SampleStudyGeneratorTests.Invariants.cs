using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clinical.SampleGenerator;

namespace Clinical.IntegrationTests.Sample;

/// <summary>The trial invariants the Domain checks hold in every synthetic study, so the demo data loads without findings.</summary>
public sealed partial class SampleStudyGeneratorTests
{
    [Fact]
    public void WriteArray_NctIds_AreUniqueAndWellFormed()
    {
        // Arrange
        var ids = Sample.Value.Select(JsonPaths.NctId).ToList();

        // Act
        var malformed = ids.Where(id => !NctIdPattern().IsMatch(id)).ToList();

        // Assert
        malformed.ShouldBeEmpty();
        ids.Distinct().Count().ShouldBe(ids.Count);
        (ids[0], ids[^1]).ShouldBe(("NCT90000000", SampleStudyGenerator.NctIdFor(SampleSize - 1)));
    }

    [Fact]
    public void WriteArray_ResultsSection_IsPresentExactlyWhenHasResultsInAboutAQuarter()
    {
        // Arrange
        var studies = Sample.Value;

        // Act
        var inconsistent = studies.Where(s => s.GetProperty("hasResults").GetBoolean() != s.TryGetProperty("resultsSection", out _)).Select(JsonPaths.NctId).ToList();
        var share = studies.Count(s => s.GetProperty("hasResults").GetBoolean()) / (double)studies.Count;

        // Assert
        inconsistent.ShouldBeEmpty();
        share.ShouldBeInRange(0.15, 0.35, "about 1 study in 4 has results");
    }

    [Fact]
    public void WriteArray_GroupIds_AreUniqueAndEveryReferenceIsDeclaredInItsModuleOrMeasure()
    {
        // Arrange
        var problems = new List<string>();
        var references = 0;

        // Act
        foreach (var study in Sample.Value.Where(s => s.TryGetProperty("resultsSection", out _)))
        {
            var results = study.GetProperty("resultsSection");
            var where = JsonPaths.NctId(study);
            references += CheckGroups(results, "participantFlowModule", "groups", "FG", where, problems);
            references += CheckGroups(results, "baselineCharacteristicsModule", "groups", "BG", where, problems);
            references += CheckGroups(results, "adverseEventsModule", "eventGroups", "EG", where, problems);
            if (JsonPaths.At(results, "outcomeMeasuresModule") is { } outcomes)
            {
                var index = 0;
                foreach (var measure in JsonPaths.Items(outcomes, "outcomeMeasures"))
                {
                    references += CheckGroups(measure, null, "groups", "OG", $"{where} outcomeMeasures[{index++}]", problems);
                }
            }
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        references.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void WriteArray_InterventionArmGroupLabels_ExistInArmGroups()
    {
        // Arrange
        var problems = new List<string>();
        var references = 0;

        // Act
        foreach (var study in Sample.Value)
        {
            if (JsonPaths.At(study, "protocolSection.armsInterventionsModule") is not { } module)
            {
                continue;
            }

            var labels = JsonPaths.Items(module, "armGroups").Select(a => a.GetProperty("label").GetString()!).ToList();
            labels.Distinct().Count().ShouldBe(labels.Count, "arm group labels are unique");
            foreach (var label in JsonPaths.Items(module, "interventions").SelectMany(i => JsonPaths.Items(i, "armGroupLabels")).Select(l => l.GetString()!))
            {
                references++;
                if (!labels.Contains(label))
                {
                    problems.Add($"{JsonPaths.NctId(study)}: armGroupLabel '{label}'");
                }
            }
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        references.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void WriteArray_AgesEnrollmentAndDates_AreOrdered()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            var id = JsonPaths.NctId(study);
            var eligibility = "protocolSection.eligibilityModule.";
            if (Years(study, eligibility + "minimumAge") is { } min && Years(study, eligibility + "maximumAge") is { } max && min > max)
            {
                problems.Add($"{id}: minimum age {min} > maximum age {max}");
            }

            if (JsonPaths.At(study, "protocolSection.designModule.enrollmentInfo.count") is { } count && count.GetInt32() < 0)
            {
                problems.Add($"{id}: enrollment {count.GetInt32()}");
            }

            var dates = new[] { "startDateStruct", "primaryCompletionDateStruct", "completionDateStruct" }
                .Select(d => JsonPaths.At(study, $"protocolSection.statusModule.{d}.date")?.GetString())
                .OfType<string>()
                .ToList();
            if (!dates.SequenceEqual(dates.Order(StringComparer.Ordinal)))
            {
                problems.Add($"{id}: start, primary completion and completion out of order: {string.Join(", ", dates)}");
            }
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_AdverseEvents_NeverAffectMoreThanAtRisk()
    {
        // Arrange
        var problems = new List<string>();
        var pairs = 0;

        // Act
        foreach (var study in Sample.Value)
        {
            if (JsonPaths.At(study, "resultsSection.adverseEventsModule") is not { } module)
            {
                continue;
            }

            var stats = JsonPaths.Items(module, "seriousEvents").Concat(JsonPaths.Items(module, "otherEvents")).SelectMany(e => JsonPaths.Items(e, "stats"))
                .Select(s => (Row: s, Affected: "numAffected", AtRisk: "numAtRisk"));
            var groups = JsonPaths.Items(module, "eventGroups")
                .SelectMany(g => new[] { "deaths", "serious", "other" }.Select(k => (Row: g, Affected: $"{k}NumAffected", AtRisk: $"{k}NumAtRisk")));
            foreach (var (row, affected, atRisk) in stats.Concat(groups))
            {
                if (row.TryGetProperty(affected, out var a) && row.TryGetProperty(atRisk, out var r))
                {
                    pairs++;
                    if (a.GetInt32() > r.GetInt32())
                    {
                        problems.Add($"{JsonPaths.NctId(study)}: {affected} {a.GetInt32()} > {atRisk} {r.GetInt32()}");
                    }
                }
            }
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        pairs.ShouldBeGreaterThan(100);
    }

    /// <summary>Checks that a module's (or measure's) group ids run PREFIX000, 001, … and every groupId(s) below it is one of them; returns the references seen.</summary>
    private static int CheckGroups(JsonElement parent, string? module, string groupsProperty, string prefix, string where, List<string> problems)
    {
        if ((module is null ? parent : JsonPaths.At(parent, module)) is not { } container)
        {
            return 0;
        }

        var ids = JsonPaths.Items(container, groupsProperty).Select(g => g.GetProperty("id").GetString()!).ToList();
        problems.AddRange(ids.Where((id, i) => id != prefix + i.ToString("D3", CultureInfo.InvariantCulture)).Select(id => $"{where} {module}: group id {id} out of sequence"));
        var references = 0;
        foreach (var property in container.EnumerateObject().Where(p => p.Name != groupsProperty))
        {
            JsonPaths.Walk(property.Value, property.Name, (path, value) =>
            {
                if ((path.EndsWith(".groupId", StringComparison.Ordinal) || path.EndsWith(".groupIds", StringComparison.Ordinal)) && value.ValueKind == JsonValueKind.String)
                {
                    references++;
                    if (!ids.Contains(value.GetString()!))
                    {
                        problems.Add($"{where} {module}: {path} = {value.GetString()} is not declared");
                    }
                }
            });
        }

        return references;
    }

    private static double? Years(JsonElement study, string path)
    {
        if (JsonPaths.At(study, path)?.GetString() is not { } age)
        {
            return null;
        }

        var parts = age.Split(' ');
        var perYear = parts[1].TrimEnd('s') switch { "Year" => 1, "Month" => 12, "Week" => 52.18, "Day" => 365.25, "Hour" => 8_766, _ => 525_960 };
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / perYear;
    }

    [GeneratedRegex(@"^NCT\d{8}$")]
    private static partial Regex NctIdPattern();
}
