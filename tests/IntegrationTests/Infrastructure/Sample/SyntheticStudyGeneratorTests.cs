using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clinical.Infrastructure.Sample;

namespace Clinical.IntegrationTests.Infrastructure.Sample;

/// <summary>
/// Checks the synthetic studies against the official data model (<c>ctg-studies-metadata.json</c>), the enum lists of
/// <c>FIELDS.md</c> and the JSON value kinds the real records (<c>real-studies.json</c>) use for each path.
/// Paths are dotted with arrays flattened: <c>a.b</c> is member <c>b</c> of the elements of array <c>a</c>.
/// </summary>
public sealed partial class SyntheticStudyGeneratorTests
{
    private const int SampleSize = 200;
    private const int CoverageSize = 20;
    private const string GeoPointPath = "protocolSection.contactsLocationsModule.locations.geoPoint";

    /// <summary>Keys of real downloads that the spec does not document; the generator must not emit them.</summary>
    private static readonly string[] UndocumentedRealKeys =
    [
        "protocolSection.contactsLocationsModule.locations_nested",
        "protocolSection.armsInterventionsModule.interventions.interventionMappedName",
        "derivedSection.miscInfoModule.modelPredictions",
    ];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<Reference> Spec = new(Reference.Load);
    private static readonly Lazy<byte[]> SampleBytes = new(() => Generate(SampleSize));
    private static readonly Lazy<IReadOnlyList<JsonElement>> Sample = new(() => ParseArray(SampleBytes.Value));

    private static IReadOnlyList<JsonElement> CoverageStudies => Sample.Value.Take(CoverageSize).ToList();

    [Fact]
    public void WriteArray_SameSeed_ProducesIdenticalBytes()
    {
        // Arrange
        var first = new SyntheticStudyGenerator(seed: 42);
        var second = new SyntheticStudyGenerator(seed: 42);

        // Act
        var a = Write(first, 50);
        var b = Write(second, 50);

        // Assert
        a.AsSpan().SequenceEqual(b).ShouldBeTrue();
    }

    [Fact]
    public void WriteArray_DifferentSeed_ProducesDifferentBytes()
    {
        // Arrange
        var first = new SyntheticStudyGenerator(seed: 42);
        var second = new SyntheticStudyGenerator(seed: 43);

        // Act
        var a = Write(first, 50);
        var b = Write(second, 50);

        // Assert
        a.AsSpan().SequenceEqual(b).ShouldBeFalse();
    }

    [Fact]
    public void WriteStudy_SameIndex_MatchesTheLineOfWriteArray()
    {
        // Arrange
        var generator = new SyntheticStudyGenerator();
        using var buffer = new MemoryStream();

        // Act
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            generator.WriteStudy(writer, 7);
        }

        // Assert
        var line = Encoding.UTF8.GetString(SampleBytes.Value).Split('\n')[8];
        Encoding.UTF8.GetString(buffer.ToArray()).ShouldBe(line.TrimEnd(','));
    }

    [Fact]
    public void WriteArray_ZeroStudies_WritesEmptyArray()
    {
        // Arrange
        var generator = new SyntheticStudyGenerator();

        // Act
        var bytes = Write(generator, 0);

        // Assert
        Encoding.UTF8.GetString(bytes).ShouldBe("[\n]\n");
        ParseArray(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void WriteArray_Output_IsJsonArrayWithOneStudyPerLine()
    {
        // Arrange
        var bytes = SampleBytes.Value;

        // Act
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n');

        // Assert
        bytes[0].ShouldBe((byte)'[', "no BOM, the array starts at the first byte");
        text.Contains('\r').ShouldBeFalse("LF line ends only");
        lines.Length.ShouldBe(SampleSize + 3, "'[', one line per study, ']', and the empty rest after the final newline");
        lines[0].ShouldBe("[");
        lines[^2].ShouldBe("]");
        lines[^1].ShouldBeEmpty();
        for (var i = 1; i <= SampleSize; i++)
        {
            var line = lines[i];
            line.EndsWith(',').ShouldBe(i < SampleSize, $"line {i}");
            using var document = JsonDocument.Parse(line.TrimEnd(','));
            document.RootElement.ValueKind.ShouldBe(JsonValueKind.Object, $"line {i}");
        }

        Sample.Value.Count.ShouldBe(SampleSize);
        Sample.Value.ShouldAllBe(study => study.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public void WriteArray_NonAsciiText_IsEmittedRaw()
    {
        // Arrange
        var text = Encoding.UTF8.GetString(SampleBytes.Value);

        // Act
        var hasRawNonAscii = text.Any(c => c > 127);

        // Assert
        hasRawNonAscii.ShouldBeTrue();
        text.ShouldContain("Zürich");
        text.ShouldContain("≥");
        text.Contains(@"\u", StringComparison.Ordinal).ShouldBeFalse("no \\u escapes");
        text.Contains(@"\\>", StringComparison.Ordinal).ShouldBeTrue("markdown escapes like \\> appear in markup text");
    }

    [Fact]
    public void WriteArray_EmittedPaths_AreDocumentedInMetadata()
    {
        // Arrange
        var allowed = Spec.Value.Metadata.Keys.Concat([GeoPointPath + ".lat", GeoPointPath + ".lon"]).ToHashSet();

        // Act
        var undocumented = Sample.Value.SelectMany(Paths).Where(p => !allowed.Contains(p)).Distinct().Order().ToList();

        // Assert
        undocumented.ShouldBeEmpty($"undocumented paths: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void WriteArray_ValueKinds_MatchRealRecordsAndMetadata()
    {
        // Arrange
        var real = Spec.Value.RealKinds;
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                var kind = Kind(value);
                if (real.TryGetValue(path, out var realKinds) && !realKinds.Contains(kind))
                {
                    problems.Add($"{path}: {kind}, real records use {string.Join("/", realKinds)}");
                }

                if (Spec.Value.ExpectedKinds(path) is { } expected && !expected.Contains(kind))
                {
                    problems.Add($"{path}: {kind}, metadata type means {string.Join("/", expected)}");
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_First20Studies_CoverEveryLeafPathOfTheRealRecords()
    {
        // Arrange
        var realLeaves = Spec.Value.RealKinds
            .Where(p => p.Value.Overlaps(["string", "number", "boolean"]))
            .Select(p => p.Key)
            .Where(p => !UndocumentedRealKeys.Any(k => p == k || p.StartsWith(k + ".", StringComparison.Ordinal)))
            .ToList();

        // Act
        var emitted = CoverageStudies.SelectMany(Paths).ToHashSet();
        var missing = realLeaves.Where(p => !emitted.Contains(p)).Order().ToList();

        // Assert
        realLeaves.Count.ShouldBeGreaterThan(300);
        missing.ShouldBeEmpty($"leaf paths of the real records missing from the first {CoverageSize} studies: {string.Join(", ", missing)}");
    }

    [Fact]
    public void WriteArray_RealRecords_HaveNoUndocumentedPathsBesidesTheKnownLegacyKeys()
    {
        // Arrange
        var documented = Spec.Value.Metadata.Keys.Concat([GeoPointPath + ".lat", GeoPointPath + ".lon"]).ToHashSet();

        // Act
        var unknown = Spec.Value.RealKinds.Keys
            .Where(p => !documented.Contains(p))
            .Where(p => !UndocumentedRealKeys.Any(k => p == k || p.StartsWith(k + ".", StringComparison.Ordinal)))
            .Order()
            .ToList();

        // Assert: otherwise the coverage test above would silently skip real paths.
        unknown.ShouldBeEmpty(string.Join(", ", unknown));
    }

    [Fact]
    public void WriteArray_First20Studies_CoverEveryMetadataLeafPath()
    {
        // Arrange: every leaf of the official tree, including the FUNC ones (geoPoint, largeDocs.size, hasResults) and
        // the ones never seen in real records (delayedPosting, nPtrsToThisExpAccNctId, retractions, ...): none of them
        // is impossible to emit, so nothing is excluded. geoPoint is a leaf in the metadata but an object {lat, lon}.
        var leaves = Spec.Value.Metadata.Values.Where(n => !n.HasChildren).Select(n => n.Path).ToList();

        // Act
        var emitted = CoverageStudies.SelectMany(Paths).ToHashSet();
        var missing = leaves.Where(p => !emitted.Contains(p)).Order().ToList();

        // Assert
        leaves.Count.ShouldBeGreaterThan(300);
        missing.ShouldBeEmpty($"metadata leaf paths missing from the first {CoverageSize} studies: {string.Join(", ", missing)}");
        emitted.ShouldContain(GeoPointPath + ".lat");
        emitted.ShouldContain(GeoPointPath + ".lon");
    }

    [Fact]
    public void WriteStudy_IndexZero_IsAKitchenSinkWithEveryMetadataPath()
    {
        // Arrange
        var all = Spec.Value.Metadata.Keys;

        // Act
        var emitted = Paths(Sample.Value[0]).ToHashSet();
        var missing = all.Where(p => !emitted.Contains(p)).Order().ToList();

        // Assert
        missing.ShouldBeEmpty(string.Join(", ", missing));
    }

    [Fact]
    public void WriteArray_First20Studies_VaryInShape()
    {
        // Arrange
        var studies = CoverageStudies;

        // Act
        var shapes = studies.Select(s => string.Join("|", Paths(s).Order())).Distinct().Count();
        var studyTypes = studies.Select(s => s.GetProperty("protocolSection").GetProperty("designModule").GetProperty("studyType").GetString()).Distinct().Count();
        var withResults = studies.Count(s => s.GetProperty("hasResults").GetBoolean());

        // Assert
        shapes.ShouldBe(CoverageSize);
        studyTypes.ShouldBeGreaterThanOrEqualTo(2);
        withResults.ShouldBeInRange(2, CoverageSize - 2);
    }

    [Fact]
    public void WriteArray_EnumFields_UseOnlySpecValues()
    {
        // Arrange
        var spec = Spec.Value;
        var enumPaths = spec.Metadata.Values.Where(n => n.IsEnum).ToDictionary(n => n.Path, n => n.Type.TrimEnd('[', ']'));
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && enumPaths.TryGetValue(path, out var enumType)
                    && !spec.Enums[enumType].Contains(value.GetString()!))
                {
                    problems.Add($"{path} = {value.GetString()} is not a {enumType}");
                }
            });
        }

        // Assert
        enumPaths.Values.Distinct().Where(t => !spec.Enums.ContainsKey(t)).ShouldBeEmpty("every enum type of the metadata is listed in FIELDS.md");
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_Strings_RespectTheMaxCharsOfTheMetadata()
    {
        // Arrange: real records exceed maxChars now and then (DATA-NOTES §2.4); the generator stays within it.
        var metadata = Spec.Value.Metadata;
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && metadata.TryGetValue(path, out var node)
                    && node.MaxChars is { } max && value.GetString()!.Length > max)
                {
                    problems.Add($"{path}: {value.GetString()!.Length} > {max}");
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_DatesAndDurations_FollowTheRegistryFormats()
    {
        // Arrange
        var metadata = Spec.Value.Metadata;
        var problems = new SortedSet<string>();
        var startDateFormats = new HashSet<int>();
        var startDatesWithoutType = 0;

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind != JsonValueKind.String || !metadata.TryGetValue(path, out var node))
                {
                    return;
                }

                var text = value.GetString()!;
                var ok = node.Type switch
                {
                    "NormalizedDate" => IsDate(text, "yyyy-MM-dd"),
                    "PartialDate" when path.EndsWith("statusVerifiedDate", StringComparison.Ordinal) => IsDate(text, "yyyy-MM"),
                    "PartialDate" => IsDate(text, "yyyy-MM-dd") || IsDate(text, "yyyy-MM") || IsDate(text, "yyyy"),
                    "DateTimeMinutes" => DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    "NormalizedTime" => DurationPattern().Match(text) is { Success: true } m && m.Groups["s"].Success == (m.Groups["n"].Value != "1"),
                    _ => true,
                };
                if (!ok)
                {
                    problems.Add($"{path} = {text}");
                }
            });

            var start = study.GetProperty("protocolSection").GetProperty("statusModule").GetProperty("startDateStruct");
            startDateFormats.Add(start.GetProperty("date").GetString()!.Length);
            startDatesWithoutType += start.TryGetProperty("type", out _) ? 0 : 1;
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        startDateFormats.ShouldBe([7, 10], ignoreOrder: true);
        startDatesWithoutType.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void WriteArray_ResultNumbers_AreStringsInTheRegistryStyle()
    {
        // Arrange
        var numericText = new[] { ".value", ".spread", ".lowerLimit", ".upperLimit", ".numSubjects", ".numUnits", ".paramValue", ".ciLowerLimit", ".ciUpperLimit", ".dispersionValue" };
        var values = new List<string>();
        var pValues = new List<string>();
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                if (!path.StartsWith("resultsSection.", StringComparison.Ordinal) || path.EndsWith("Module.measures.title", StringComparison.Ordinal))
                {
                    return;
                }

                if (numericText.Any(s => path.EndsWith(s, StringComparison.Ordinal)) || path.EndsWith("frequencyThreshold", StringComparison.Ordinal))
                {
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    values.Add(text);
                    if (value.ValueKind != JsonValueKind.String || !ResultNumberPattern().IsMatch(text))
                    {
                        problems.Add($"{path} = {value.GetRawText()}");
                    }
                }
                else if (path.EndsWith(".pValue", StringComparison.Ordinal))
                {
                    pValues.Add(value.GetString()!);
                    if (!PValuePattern().IsMatch(value.GetString()!))
                    {
                        problems.Add($"{path} = {value.GetRawText()}");
                    }
                }
                else if (path.EndsWith("NumAffected", StringComparison.Ordinal) || path.EndsWith("NumAtRisk", StringComparison.Ordinal)
                    || path.EndsWith(".numEvents", StringComparison.Ordinal) || path.EndsWith(".numAffected", StringComparison.Ordinal) || path.EndsWith(".numAtRisk", StringComparison.Ordinal))
                {
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n) || n < 0)
                    {
                        problems.Add($"{path} = {value.GetRawText()} (expected a JSON integer)");
                    }
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        values.ShouldContain(v => v.Contains(','), "thousands separators like \"20,200\"");
        values.ShouldContain(v => v.StartsWith('.') || v.StartsWith("-.", StringComparison.Ordinal), "leading-dot decimals like \".17\"");
        values.ShouldContain(v => v.StartsWith("-0.", StringComparison.Ordinal), "negative decimals like \"-0.90\"");
        values.ShouldContain("NA");
        pValues.ShouldContain(p => p.StartsWith('<'));
        pValues.ShouldContain(p => p.StartsWith('='));
    }

    [Fact]
    public void WriteArray_Results_AreConsistentWithHasResultsAndSubmitDate()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            var hasResults = study.GetProperty("hasResults").GetBoolean();
            var hasSection = study.TryGetProperty("resultsSection", out _);
            var hasSubmitDate = study.GetProperty("protocolSection").GetProperty("statusModule").TryGetProperty("resultsFirstSubmitDate", out _);
            if (hasResults != hasSection || hasResults != hasSubmitDate)
            {
                problems.Add($"{NctId(study)}: hasResults={hasResults}, resultsSection={hasSection}, resultsFirstSubmitDate={hasSubmitDate}");
            }
        }

        var share = Sample.Value.Count(s => s.GetProperty("hasResults").GetBoolean()) / (double)SampleSize;

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
        share.ShouldBeInRange(0.15, 0.35, "about 1 study in 4 has results");
    }

    [Fact]
    public void WriteArray_GroupIdReferences_ResolveWithinTheirModuleOrMeasure()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        foreach (var study in Sample.Value.Where(s => s.TryGetProperty("resultsSection", out _)))
        {
            var results = study.GetProperty("resultsSection");
            var where = NctId(study);
            CheckGroups(results.GetProperty("participantFlowModule"), "groups", "FG", $"{where} participantFlow", problems);
            CheckGroups(results.GetProperty("baselineCharacteristicsModule"), "groups", "BG", $"{where} baseline", problems);
            CheckGroups(results.GetProperty("adverseEventsModule"), "eventGroups", "EG", $"{where} adverseEvents", problems);
            var measureIndex = 0;
            foreach (var measure in results.GetProperty("outcomeMeasuresModule").GetProperty("outcomeMeasures").EnumerateArray())
            {
                var label = $"{where} outcomeMeasures[{measureIndex++}]";
                if (measure.GetProperty("reportingStatus").GetString() == "NOT_POSTED")
                {
                    string[] forbidden = ["groups", "denoms", "classes", "analyses"];
                    problems.AddRange(forbidden.Where(p => measure.TryGetProperty(p, out _)).Select(p => $"{label}: NOT_POSTED measure has {p}"));
                }
                else
                {
                    CheckGroups(measure, "groups", "OG", label, problems);
                }
            }
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_ArmAndInterventionLinks_Resolve()
    {
        // Arrange
        var problems = new List<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            if (!study.GetProperty("protocolSection").TryGetProperty("armsInterventionsModule", out var module))
            {
                continue;
            }

            var labels = Items(module, "armGroups").Select(a => a.GetProperty("label").GetString()!).ToHashSet();
            var interventions = Items(module, "interventions")
                .Select(i => $"{InterventionTypeLabel(i.GetProperty("type").GetString()!)}: {i.GetProperty("name").GetString()}")
                .ToHashSet();
            problems.AddRange(Items(module, "interventions").SelectMany(i => Items(i, "armGroupLabels"))
                .Select(l => l.GetString()!).Where(l => !labels.Contains(l)).Select(l => $"{NctId(study)}: armGroupLabel '{l}'"));
            problems.AddRange(Items(module, "armGroups").SelectMany(a => Items(a, "interventionNames"))
                .Select(n => n.GetString()!).Where(n => !interventions.Contains(n)).Select(n => $"{NctId(study)}: interventionName '{n}'"));
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_NctIds_AreUniqueAndWellFormed()
    {
        // Arrange
        var ids = Sample.Value.Select(NctId).ToList();

        // Act
        var malformed = ids.Where(id => !NctIdPattern().IsMatch(id)).ToList();

        // Assert
        malformed.ShouldBeEmpty();
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids[0].ShouldBe("NCT90000000");
        ids[^1].ShouldBe(SyntheticStudyGenerator.NctIdFor(SampleSize - 1));
    }

    [Fact]
    public void WriteArray_Values_HaveNoNullOrEmptyOrUntrimmedValues()
    {
        // Arrange
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                var bad = value.ValueKind switch
                {
                    JsonValueKind.Null => "null",
                    JsonValueKind.String when value.GetString()!.Length == 0 => "empty string",
                    JsonValueKind.String when value.GetString()!.Trim() != value.GetString() => "untrimmed string",
                    JsonValueKind.String when value.GetString()!.Contains('\0', StringComparison.Ordinal) => "NUL character",
                    JsonValueKind.Array when value.GetArrayLength() == 0 => "empty array",
                    JsonValueKind.Object when !value.EnumerateObject().Any() => "empty object",
                    _ => null,
                };
                if (bad is not null)
                {
                    problems.Add($"{NctId(study)} {path}: {bad}");
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_LongTexts_AreNotCopiedFromRealRecords()
    {
        // Arrange: shorter strings are shared controlled vocabulary (MedDRA organ system classes, OMB race categories,
        // MeSH branch names, "Study Protocol and Statistical Analysis Plan"), which real and synthetic records both use.
        const int freeTextLength = 60;
        var realTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var study in Spec.Value.RealStudies)
        {
            Walk(study, string.Empty, (_, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length >= freeTextLength)
                {
                    realTexts.Add(value.GetString()!);
                }
            });
        }

        var copied = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && realTexts.Contains(value.GetString()!))
                {
                    copied.Add($"{path}: {value.GetString()}");
                }
            });
        }

        // Assert
        copied.ShouldBeEmpty(string.Join("\n", copied));
    }

    // ------------------------------------------------------------------ helpers

    private static byte[] Generate(int count) => Write(new SyntheticStudyGenerator(), count);

    private static byte[] Write(SyntheticStudyGenerator generator, int count)
    {
        using var stream = new MemoryStream();
        generator.WriteArray(stream, count);
        return stream.ToArray();
    }

    private static List<JsonElement> ParseArray(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        document.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Visits every value with its dotted path; array elements get the path of their array.</summary>
    private static void Walk(JsonElement element, string path, Action<string, JsonElement> visit)
    {
        if (path.Length > 0)
        {
            visit(path, element);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", visit);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    visit(path, item);
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in item.EnumerateObject())
                        {
                            Walk(property.Value, $"{path}.{property.Name}", visit);
                        }
                    }
                }

                break;
        }
    }

    private static HashSet<string> Paths(JsonElement study)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        Walk(study, string.Empty, (path, _) => paths.Add(path));
        return paths;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static void CheckGroups(JsonElement container, string groupsProperty, string prefix, string where, List<string> problems)
    {
        var ids = Items(container, groupsProperty).Select(g => g.GetProperty("id").GetString()!).ToList();
        if (ids.Count == 0)
        {
            problems.Add($"{where}: no {groupsProperty}");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var expected = prefix + i.ToString("D3", CultureInfo.InvariantCulture);
            if (ids[i] != expected)
            {
                problems.Add($"{where}: group #{i} has id {ids[i]}, expected {expected}");
            }
        }

        var known = ids.ToHashSet();
        foreach (var property in container.EnumerateObject().Where(p => p.Name != groupsProperty))
        {
            Walk(property.Value, property.Name, (path, value) =>
            {
                if ((path.EndsWith(".groupId", StringComparison.Ordinal) || path.EndsWith(".groupIds", StringComparison.Ordinal))
                    && value.ValueKind == JsonValueKind.String && !known.Contains(value.GetString()!))
                {
                    problems.Add($"{where}: {path} = {value.GetString()} does not resolve");
                }
            });
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? array.EnumerateArray() : [];

    private static string NctId(JsonElement study) =>
        study.GetProperty("protocolSection").GetProperty("identificationModule").GetProperty("nctId").GetString()!;

    private static string InterventionTypeLabel(string type) => type switch
    {
        "COMBINATION_PRODUCT" => "Combination Product",
        "DIAGNOSTIC_TEST" => "Diagnostic Test",
        "DIETARY_SUPPLEMENT" => "Dietary Supplement",
        _ => char.ToUpperInvariant(type[0]) + type[1..].ToLowerInvariant(),
    };

    private static bool IsDate(string text, string format) =>
        text.Length == format.Length && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^NCT\d{8}$")]
    private static partial Regex NctIdPattern();

    [GeneratedRegex(@"^(?<n>\d+) (Year|Month|Week|Day|Hour|Minute)(?<s>s)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(NA|-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?)$")]
    private static partial Regex ResultNumberPattern();

    [GeneratedRegex(@"^(<|=|< )?\d*\.\d+$")]
    private static partial Regex PValuePattern();

    /// <summary>The shared reference: metadata tree, enum lists of FIELDS.md and the value kinds of the real records.</summary>
    private sealed class Reference
    {
        private Reference(Dictionary<string, MetadataNode> metadata, Dictionary<string, HashSet<string>> enums, List<JsonElement> realStudies)
        {
            Metadata = metadata;
            Enums = enums;
            RealStudies = realStudies;
            foreach (var study in realStudies)
            {
                Walk(study, string.Empty, (path, value) =>
                {
                    if (!RealKinds.TryGetValue(path, out var kinds))
                    {
                        RealKinds[path] = kinds = [];
                    }

                    kinds.Add(Kind(value));
                });
            }
        }

        public Dictionary<string, MetadataNode> Metadata { get; }

        public Dictionary<string, HashSet<string>> Enums { get; }

        public List<JsonElement> RealStudies { get; }

        /// <summary>Per path, the JSON kinds real records use (array elements flattened, so "array" plus the element kind).</summary>
        public Dictionary<string, HashSet<string>> RealKinds { get; } = [];

        public static Reference Load()
        {
            var metadata = new Dictionary<string, MetadataNode>(StringComparer.Ordinal);
            using (var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData.CtgovDirectory, "ctg-studies-metadata.json"))))
            {
                AddNodes(document.RootElement, string.Empty, metadata);
            }

            var enums = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var inEnums = false;
            foreach (var line in File.ReadLines(Path.Combine(SharedData.CtgovDirectory, "FIELDS.md")))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    inEnums = line.StartsWith("## Enum types", StringComparison.Ordinal);
                }
                else if (inEnums && EnumLinePattern().Match(line) is { Success: true } match)
                {
                    enums[match.Groups["name"].Value] = match.Groups["values"].Value.Split(", ").ToHashSet(StringComparer.Ordinal);
                }
            }

            return new Reference(metadata, enums, ParseArray(File.ReadAllBytes(SharedData.RealStudiesPath)));
        }

        /// <summary>The JSON kinds the metadata type allows at <paramref name="path"/>, or null for paths it does not list.</summary>
        public HashSet<string>? ExpectedKinds(string path)
        {
            if (!Metadata.TryGetValue(path, out var node))
            {
                return path.StartsWith(GeoPointPath + ".", StringComparison.Ordinal) ? ["number"] : null;
            }

            var isArray = node.Type.EndsWith("[]", StringComparison.Ordinal);
            if (node.HasChildren || node.Type == "GeoPoint")
            {
                return isArray ? ["array", "object"] : ["object"];
            }

            var scalar = node.Type.TrimEnd('[', ']') switch
            {
                "boolean" => "boolean",
                "integer" or "long" or "number" => "number",
                _ => "string",
            };
            return isArray ? ["array", scalar] : [scalar];
        }

        private static void AddNodes(JsonElement nodes, string prefix, Dictionary<string, MetadataNode> metadata)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                var path = prefix + node.GetProperty("name").GetString();
                var hasChildren = node.TryGetProperty("children", out var children);
                var isEnum = node.TryGetProperty("isEnum", out var flag) && flag.GetBoolean();
                var maxChars = node.TryGetProperty("maxChars", out var max) ? max.GetInt32() : (int?)null;
                metadata[path] = new MetadataNode(path, node.GetProperty("type").GetString()!, isEnum, hasChildren, maxChars);
                if (hasChildren)
                {
                    AddNodes(children, path + ".", metadata);
                }
            }
        }
    }

    private sealed record MetadataNode(string Path, string Type, bool IsEnum, bool HasChildren, int? MaxChars);

    [GeneratedRegex(@"^- \*\*(?<name>\w+)\*\*: (?<values>.+)$")]
    private static partial Regex EnumLinePattern();
}
