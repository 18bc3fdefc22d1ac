using System.Text;
using Clinical.Application.Studies.Import;
using Clinical.Infrastructure.Json;
using Clinical.Infrastructure.Persistence.Schema;
using FluentValidation;

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
        var validator = new StudyRecordValidator(_schema);

        validator.FieldRules.Select(r => r.Field.JsonPath).ShouldBe(_schema.Fields.Where(f => StudyValueRules.HasRule(f.Kind)).Select(f => f.JsonPath));
        validator.FieldRules.Count(r => r.Field.Kind == StudyValueKind.Code).ShouldBe(CountOf(StudyValueKind.Code));
        validator.FieldRules.ShouldContain(r => r.Field.Kind == StudyValueKind.ResultNumber);
    }

    [Fact]
    public async Task Validate_TheRealStudiesThroughTheProductionParser_NoErrorAndTheExpectedWarningsPerCode()
    {
        var validator = new StudyRecordValidator(_schema);
        var parser = new JsonStudyRecordParser();
        var raws = await new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var failures = raws
            .Select(raw => parser.Parse(raw.Utf8.Span).Record.ShouldNotBeNull())
            .SelectMany(record => validator.Validate(record).Errors)
            .ToList();

        raws.Count.ShouldBe(200);
        failures.ShouldAllBe(f => f.Severity == Severity.Warning);
        var perCode = failures.GroupBy(f => f.ErrorCode).ToDictionary(g => g.Key, g => g.Count());
        perCode.ShouldBe(new Dictionary<string, int>(), string.Join(Environment.NewLine, failures.Select(f => $"{f.ErrorCode} {f.PropertyName} '{f.AttemptedValue}'")));
    }

    [Fact]
    public async Task Validate_TheRealStudiesWithNaRespelled_WarnsAtEveryRespelledCodeAndNumber()
    {
        // "NA" is a code (Phase, DesignAllocation) and the registry's "not available" in result numbers. Spelled "N.A.",
        // every one of them must be reported: 49 allocations + 72 phases, and 109 measurement values, spreads and limits
        // (counted in the JSON itself).
        var validator = new StudyRecordValidator(_schema);
        var parser = new JsonStudyRecordParser();
        var raws = await new StudyFileSource().ReadAsync(TestFixtures.RealStudiesPath, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var failures = raws
            .Select(raw => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(raw.Utf8.Span).Replace("\"NA\"", "\"N.A.\"", StringComparison.Ordinal)))
            .Select(utf8 => parser.Parse(utf8).Record.ShouldNotBeNull())
            .SelectMany(record => validator.Validate(record).Errors)
            .ToList();

        failures.ShouldAllBe(f => f.Severity == Severity.Warning && Equals(f.AttemptedValue, "N.A."));
        failures.GroupBy(f => f.ErrorCode).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(new Dictionary<string, int>
        {
            [StudyValueRules.UnknownCode] = 121,
            [StudyValueRules.UnparsedNumber] = 109,
        });
        failures.Count(f => f.PropertyName.StartsWith("protocolSection.designModule.phases[", StringComparison.Ordinal)).ShouldBe(72);
        failures.ShouldContain(f => f.PropertyName.StartsWith("resultsSection.outcomeMeasuresModule.outcomeMeasures[", StringComparison.Ordinal)
            && f.PropertyName.Contains("].measurements[", StringComparison.Ordinal) && f.PropertyName.EndsWith("].upperLimit", StringComparison.Ordinal));
    }

    private int CountOf(StudyValueKind kind) => _schema.Fields.Count(f => f.Kind == kind);
}
