using System.Text;
using System.Text.Json;
using Clinical.Infrastructure.Persistence.Schema;
using Clinical.SampleGenerator;

namespace Clinical.IntegrationTests.Sample;

/// <summary>
/// Checks the description-driven sample against the registry: the official data model (<c>ctg-studies-metadata.json</c>),
/// the enum lists of <c>FIELDS.md</c> and the JSON kinds the real records (<c>real-studies.json</c>) use for each path.
/// The trial invariants are in <c>SampleStudyGeneratorTests.Invariants.cs</c>.
/// </summary>
public sealed partial class SampleStudyGeneratorTests
{
    private const int SampleSize = 200;
    private const int Seed = 20261126;

    private static readonly Lazy<byte[]> SampleBytes = new(() => Write(Seed, SampleSize));
    private static readonly Lazy<List<JsonElement>> Sample = new(() => JsonPaths.ParseArray(SampleBytes.Value));

    private static RegistryReference Registry => RegistryReference.Value;

    /// <summary>Every path the table description stores (plus the NCT number, the key) that the registry documents.</summary>
    private static HashSet<string> DescribedPaths =>
    [
        .. StudyTables.All.Where(t => t.Sources.Count > 0)
            .SelectMany(t => t.ColumnPaths()).Where(p => !p.Column.Derived).Select(p => p.JsonPath)
            .Where(Registry.DocumentedPaths.Contains),
        "protocolSection.identificationModule.nctId",
    ];

    [Fact]
    public void WriteArray_SameSeed_ProducesIdenticalBytes()
    {
        // Arrange
        const int count = 50;

        // Act
        var first = Write(42, count);
        var second = Write(42, count);

        // Assert
        first.AsSpan().SequenceEqual(second).ShouldBeTrue();
    }

    [Fact]
    public void WriteArray_DifferentSeed_ProducesDifferentBytes()
    {
        // Arrange
        const int count = 50;

        // Act
        var first = Write(42, count);
        var second = Write(43, count);

        // Assert
        first.AsSpan().SequenceEqual(second).ShouldBeFalse();
    }

    [Fact]
    public void WriteStudy_SameIndex_MatchesTheLineOfWriteArray()
    {
        // Arrange
        using var buffer = new MemoryStream();

        // Act
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            SampleStudyGenerator.WriteStudy(writer, 7, Seed);
        }

        // Assert
        var line = Encoding.UTF8.GetString(SampleBytes.Value).Split('\n')[8];
        Encoding.UTF8.GetString(buffer.ToArray()).ShouldBe(line.TrimEnd(','));
    }

    [Fact]
    public void WriteArray_ZeroStudies_WritesEmptyArray()
    {
        // Arrange
        const int count = 0;

        // Act
        var bytes = Write(Seed, count);

        // Assert
        Encoding.UTF8.GetString(bytes).ShouldBe("[\n]\n");
    }

    [Fact]
    public void WriteArray_CancelledToken_Throws()
    {
        // Arrange
        using var stream = new MemoryStream();

        // Act
        var act = () => new SampleStudyGenerator().WriteArray(stream, 10, Seed, new CancellationToken(canceled: true));

        // Assert
        act.ShouldThrow<OperationCanceledException>();
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
        (lines[0], lines[^2], lines[^1]).ShouldBe(("[", "]", string.Empty));
        for (var i = 1; i <= SampleSize; i++)
        {
            lines[i].EndsWith(',').ShouldBe(i < SampleSize, $"line {i}");
            using var document = JsonDocument.Parse(lines[i].TrimEnd(','));
            document.RootElement.ValueKind.ShouldBe(JsonValueKind.Object, $"line {i}");
        }
    }

    [Fact]
    public void WriteArray_EmittedPaths_AreDocumentedInMetadataAndNoLegacyKey()
    {
        // Arrange
        var documented = Registry.DocumentedPaths;

        // Act
        var emitted = Sample.Value.SelectMany(JsonPaths.Of).ToHashSet();
        var undocumented = emitted.Where(p => !documented.Contains(p)).Order().ToList();

        // Assert
        undocumented.ShouldBeEmpty($"undocumented paths: {string.Join(", ", undocumented)}");
        emitted.Where(RegistryReference.IsUndocumented).ShouldBeEmpty();
    }

    [Fact]
    public void WriteArray_ValueKinds_MatchRealRecordsAndMetadata()
    {
        // Arrange
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                var kind = JsonPaths.Kind(value);
                if (Registry.RealKinds.TryGetValue(path, out var real) && !real.Contains(kind))
                {
                    problems.Add($"{path}: {kind}, real records use {string.Join("/", real)}");
                }

                if (Registry.ExpectedKinds(path) is { } expected && !expected.Contains(kind))
                {
                    problems.Add($"{path}: {kind}, metadata type means {string.Join("/", expected)}");
                }
            });
        }

        // Assert
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void WriteArray_StudiesAfterTheFirst_CoverEveryDescribedPath()
    {
        // Arrange: study 0 holds every path by design; the others must reach every path too, by chance.
        var described = DescribedPaths;

        // Act
        var emitted = Sample.Value.Skip(1).SelectMany(JsonPaths.Of).ToHashSet();
        var missing = described.Where(p => !emitted.Contains(p)).Order().ToList();

        // Assert
        described.Count.ShouldBeGreaterThan(300);
        missing.ShouldBeEmpty($"described paths missing from studies 1..{SampleSize - 1}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void WriteStudy_IndexZero_HoldsEveryDescribedPathAndEveryMetadataLeaf()
    {
        // Arrange
        var leaves = Registry.Metadata.Values.Where(n => !n.HasChildren).Select(n => n.Path);

        // Act
        var emitted = JsonPaths.Of(Sample.Value[0]);
        var missing = DescribedPaths.Concat(leaves).Where(p => !emitted.Contains(p)).Distinct().Order().ToList();

        // Assert
        missing.ShouldBeEmpty(string.Join(", ", missing));
    }

    [Fact]
    public void WriteArray_EveryLeafPathOfTheRealRecords_IsEmitted()
    {
        // Arrange
        var realLeaves = Registry.RealKinds
            .Where(p => p.Value.Overlaps(["string", "number", "boolean"]) && !RegistryReference.IsUndocumented(p.Key))
            .Select(p => p.Key)
            .ToList();

        // Act
        var emitted = Sample.Value.SelectMany(JsonPaths.Of).ToHashSet();
        var missing = realLeaves.Where(p => !emitted.Contains(p)).Order().ToList();

        // Assert
        realLeaves.Count.ShouldBeGreaterThan(300);
        missing.ShouldBeEmpty(string.Join(", ", missing));
    }

    [Fact]
    public void WriteArray_First20Studies_VaryInShape()
    {
        // Arrange
        var studies = Sample.Value.Take(20).ToList();

        // Act
        var shapes = studies.Select(s => string.Join("|", JsonPaths.Of(s).Order())).Distinct().Count();
        var studyTypes = studies.Select(s => JsonPaths.At(s, "protocolSection.designModule.studyType")?.GetString()).Distinct().Count();

        // Assert
        shapes.ShouldBe(studies.Count);
        studyTypes.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void WriteArray_EnumFields_UseOnlySpecValues()
    {
        // Arrange
        var enumPaths = Registry.Metadata.Values.Where(n => n.IsEnum).ToDictionary(n => n.Path, n => n.Type.TrimEnd('[', ']'));
        var problems = new SortedSet<string>();

        // Act
        foreach (var study in Sample.Value)
        {
            JsonPaths.Walk(study, string.Empty, (path, value) =>
            {
                if (value.ValueKind == JsonValueKind.String && enumPaths.TryGetValue(path, out var enumType)
                    && !Registry.Enums[enumType].Contains(value.GetString()!))
                {
                    problems.Add($"{path} = {value.GetString()} is not a {enumType}");
                }
            });
        }

        // Assert
        enumPaths.Values.Distinct().Where(t => !Registry.Enums.ContainsKey(t)).ShouldBeEmpty("every enum type of the metadata is listed in FIELDS.md");
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    private static byte[] Write(int seed, int count)
    {
        using var stream = new MemoryStream();
        new SampleStudyGenerator().WriteArray(stream, count, seed, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }
}
