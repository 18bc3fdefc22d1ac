using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence.Schema;

namespace Clinical.IntegrationTests.Infrastructure.Persistence;

public sealed class StudySchemaTests
{
    private readonly StudySchema _schema = new();

    [Fact]
    public void Fields_EveryField_ResolvesAgainstStudyRecordToTextWhereItHasARule()
    {
        var fields = _schema.Fields;

        var unresolved = new List<string>();
        foreach (var field in fields)
        {
            try
            {
                var leaf = WireRecordPath.Resolve(typeof(StudyRecord), field.JsonPath)[^1];
                if (StudyValueRules.HasRule(field.Kind) && leaf.ValueType != typeof(string))
                {
                    unresolved.Add($"{field.JsonPath}: a {field.Kind} held as {leaf.ValueType.Name}");
                }
            }
            catch (InvalidOperationException ex)
            {
                unresolved.Add(ex.Message);
            }
        }

        fields.Select(f => f.JsonPath).ShouldBe(_schema.StoredPaths.Where(p => p != StudyRecordValidator.NctIdPath), ignoreOrder: true);
        unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_RealSchema_OneValueRulePerFieldWithARule()
    {
        var findings = new StudyValueFindings(_schema);

        findings.Fields.Select(f => f.JsonPath).ShouldBe(_schema.Fields.Where(f => StudyValueRules.HasRule(f.Kind)).Select(f => f.JsonPath));
        findings.Fields.Count(f => f.Kind == StudyValueKind.Code).ShouldBe(CountOf(StudyValueKind.Code));
        findings.Fields.ShouldContain(f => f.Kind == StudyValueKind.ResultNumber);
    }

    [Fact]
    public async Task Collect_TheRealStudiesThroughTheProductionParser_NoErrorAndTheExpectedFindingsPerRule()
    {
        var validator = new StudyRecordValidator();
        var findings = new StudyValueFindings(_schema);
        var decoder = new StudyDecoder();
        var raws = await new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var records = raws.Select(raw => decoder.Decode(raw.Utf8.Span).Record.ShouldNotBeNull()).ToList();
        var failures = records
            .SelectMany(record => findings.Collect(StudyMapper.ToStudy(record)) ?? [])
            .ToList();

        raws.Count.ShouldBe(200);
        records.ShouldAllBe(record => validator.Validate(record).IsValid);
        var perRule = failures.GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count());
        perRule.ShouldBe(new Dictionary<string, int>(), string.Join(Environment.NewLine, failures.Select(f => $"{f.Rule} {f.JsonPath} '{f.Value}'")));
    }

    [Fact]
    public async Task Collect_TheRealStudiesWithNaRespelled_FindsEveryRespelledCodeAndNumber()
    {
        // "NA" is a code (Phase, DesignAllocation) and the registry's "not available" in result numbers. Spelled "N.A.",
        // every one of them must be reported: 49 allocations + 72 phases, and 109 measurement values, spreads and limits
        // (counted in the JSON itself).
        var findings = new StudyValueFindings(_schema);
        var decoder = new StudyDecoder();
        var raws = await new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var failures = raws
            .Select(raw => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(raw.Utf8.Span).Replace("\"NA\"", "\"N.A.\"", StringComparison.Ordinal)))
            .Select(utf8 => decoder.Decode(utf8).Record.ShouldNotBeNull())
            .SelectMany(record => findings.Collect(StudyMapper.ToStudy(record)) ?? [])
            .ToList();

        failures.ShouldAllBe(f => f.Value == "N.A.");
        failures.GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<string, int>
        {
            [StudyValueRules.UnknownCode] = 121,
            [StudyValueRules.UnparsedNumber] = 109,
        });
        failures.Count(f => f.JsonPath.StartsWith("protocolSection.designModule.phases[", StringComparison.Ordinal)).ShouldBe(72);
        failures.ShouldContain(f => f.JsonPath.StartsWith("resultsSection.outcomeMeasuresModule.outcomeMeasures[", StringComparison.Ordinal)
            && f.JsonPath.Contains("].measurements[", StringComparison.Ordinal) && f.JsonPath.EndsWith("].upperLimit", StringComparison.Ordinal));
    }

    private int CountOf(StudyValueKind kind) => _schema.Fields.Count(f => f.Kind == kind);
}
