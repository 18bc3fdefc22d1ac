using System.Globalization;
using System.Text.Json;
using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Import;

/// <summary>Maps the 200 real records of tests/fixtures/ctgov/real-studies.json.gz and compares the studies with their JSON.</summary>
public class StudyMapperTests
{
    private static readonly Lazy<IReadOnlyList<(RealStudy Real, Study Study)>> Mapped =
        new(() => [.. RealStudies.All.Select(real => (real, StudyMapper.ToStudy(real.Record)))]);

    [Fact]
    public void ToStudy_RealStudies_AllTwoHundredMapped()
    {
        var mapped = Mapped.Value;

        mapped.Count.ShouldBe(200);
        mapped.Select(m => m.Study.NctId).Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public void ToStudy_RealStudies_NctIdEqualsJson()
    {
        foreach (var (real, study) in Mapped.Value)
        {
            study.NctId.Value.ShouldBe(real.NctId);
            study.ProtocolSection.IdentificationModule!.NctId.ShouldBe(study.NctId);
        }
    }

    [Fact]
    public void ToStudy_RealStudies_OverallStatusRawEqualsJson()
    {
        foreach (var (real, study) in Mapped.Value)
        {
            var json = real.StringAt("protocolSection", "statusModule", "overallStatus");

            study.ProtocolSection.StatusModule?.OverallStatus?.Raw.ShouldBe(json, real.NctId);
            if (json is not null)
            {
                study.ProtocolSection.StatusModule!.OverallStatus!.Value.IsKnown.ShouldBeTrue($"{real.NctId}: '{json}' is a registry status");
            }
        }
    }

    [Fact]
    public void ToStudy_RealStudies_StartDateRawAndFirstDayFromJson()
    {
        var monthDates = 0;
        foreach (var (real, study) in Mapped.Value)
        {
            var json = real.StringAt("protocolSection", "statusModule", "startDateStruct", "date");
            var date = study.ProtocolSection.StatusModule?.StartDateStruct?.Date;

            date?.Raw.ShouldBe(json, real.NctId);
            if (json is null)
            {
                continue;
            }

            // The expected day is computed from the JSON text here, not taken from PartialDate.
            var parts = json.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            var expected = parts.Length switch
            {
                1 => new DateOnly(parts[0], 1, 1),
                2 => new DateOnly(parts[0], parts[1], 1),
                _ => new DateOnly(parts[0], parts[1], parts[2]),
            };
            date!.Value.FirstDay.ShouldBe(expected, real.NctId);
            date.Value.Precision.ShouldBe((DatePrecision)parts.Length, real.NctId);
            if (parts.Length == 2)
            {
                monthDates++;
                date.Value.FirstDay!.Value.Day.ShouldBe(1, $"{real.NctId}: a YYYY-MM date starts on the first of the month");
            }
        }

        monthDates.ShouldBeGreaterThan(0, "the sample has YYYY-MM start dates");
    }

    [Fact]
    public void ToStudy_RealStudies_ListCountsEqualJsonArrayLengths()
    {
        var totals = new int[5];
        foreach (var (real, study) in Mapped.Value)
        {
            var protocol = study.ProtocolSection;
            var adverse = study.ResultsSection?.AdverseEventsModule;
            int[] expected =
            [
                real.ArrayLength("protocolSection", "contactsLocationsModule", "locations"),
                real.ArrayLength("protocolSection", "conditionsModule", "conditions"),
                real.ArrayLength("protocolSection", "armsInterventionsModule", "armGroups"),
                real.ArrayLength("resultsSection", "outcomeMeasuresModule", "outcomeMeasures"),
                real.ArrayLength("resultsSection", "adverseEventsModule", "seriousEvents")
                    + real.ArrayLength("resultsSection", "adverseEventsModule", "otherEvents"),
            ];
            int[] actual =
            [
                protocol.ContactsLocationsModule?.Locations?.Count ?? 0,
                protocol.ConditionsModule?.Conditions?.Count ?? 0,
                protocol.ArmsInterventionsModule?.ArmGroups?.Count ?? 0,
                study.ResultsSection?.OutcomeMeasuresModule?.OutcomeMeasures?.Count ?? 0,
                (adverse?.SeriousEvents?.Count ?? 0) + (adverse?.OtherEvents?.Count ?? 0),
            ];

            actual.ShouldBe(expected, $"{real.NctId}: locations, conditions, arm groups, outcome measures, adverse event terms");
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += expected[i];
            }
        }

        totals.ShouldAllBe(t => t > 0, "every counted list occurs in the sample");
    }

    [Fact]
    public void ToStudy_RealStudies_LegacyLocationsNestedNotLoaded()
    {
        var withNested = Mapped.Value
            .Where(m => m.Real.At("protocolSection", "contactsLocationsModule", "locations_nested") is not null)
            .ToList();

        withNested.ShouldNotBeEmpty("the sample has 2023 records with the legacy locations_nested key");
        foreach (var (real, study) in withNested)
        {
            study.ProtocolSection.ContactsLocationsModule!.Locations!.Count
                .ShouldBe(real.ArrayLength("protocolSection", "contactsLocationsModule", "locations"), real.NctId);
        }
    }

    [Fact]
    public void ToStudy_RealStudiesWithResults_HaveResultsSection()
    {
        var withResults = Mapped.Value.Where(m => m.Real.At("hasResults") is { ValueKind: JsonValueKind.True }).ToList();

        withResults.ShouldNotBeEmpty();
        foreach (var (real, study) in withResults)
        {
            study.HasResults.ShouldBe(true, real.NctId);
            study.ResultsSection.ShouldNotBeNull(real.NctId);
        }
    }

    [Fact]
    public void ToStudy_RealResultMeasurements_NumbersParsedAndNaWithoutNumber()
    {
        var values = Mapped.Value
            .SelectMany(m => (m.Study.ResultsSection?.OutcomeMeasuresModule?.OutcomeMeasures ?? [])
                .Concat<object>(m.Study.ResultsSection?.BaselineCharacteristicsModule?.Measures ?? [])
                .Select(measure => measure switch
                {
                    OutcomeMeasure o => o.Classes,
                    BaselineMeasure b => b.Classes,
                    _ => null,
                })
                .SelectMany(classes => classes ?? [])
                .SelectMany(c => c.Categories ?? [])
                .SelectMany(c => c.Measurements ?? [])
                .Select(measurement => (m.Real.NctId, measurement.Value)))
            .Where(v => v.Value is not null)
            .Select(v => (v.NctId, Value: v.Value!.Value))
            .ToList();

        values.ShouldContain(v => v.Value.Number.HasValue, "some real measurement values are numbers");
        values.ShouldContain(v => v.Value.Raw == "NA", "the sample has NA measurement values");
        foreach (var (nctId, value) in values)
        {
            if (value.Raw == "NA")
            {
                value.Number.ShouldBeNull(nctId);
            }

            // A plain decimal (optionally signed, thousands separators) must come out as that number.
            var plain = value.Raw.Replace(",", string.Empty, StringComparison.Ordinal);
            if (decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var expected))
            {
                value.Number.ShouldBe(expected, $"{nctId}: '{value.Raw}'");
            }
        }
    }

    [Fact]
    public void ToStudy_NoProtocolSection_Throws()
    {
        var record = new StudyRecord { HasResults = false };

        var act = () => StudyMapper.ToStudy(record);

        act.ShouldThrow<ArgumentException>();
    }
}
