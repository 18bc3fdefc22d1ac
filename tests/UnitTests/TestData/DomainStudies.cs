using Clinical.Domain.Studies;

namespace Clinical.UnitTests.TestData;

/// <summary>Builds study aggregates from hand-made parts, for the invariant tests: a valid NCT number is added to every protocol.</summary>
internal static class DomainStudies
{
    public static readonly IdentificationModule Identification = new() { NctId = NctId.Parse("NCT01234567") };

    public static Study WithProtocol(ProtocolSection protocol) =>
        new(protocol with { IdentificationModule = Identification }, null, null, null, null, null);

    public static Study WithResults(ResultsSection results) =>
        new(new ProtocolSection { IdentificationModule = Identification }, results, null, null, null, true);

    public static Study WithResultsFlag(ResultsSection? results, bool? hasResults) =>
        new(new ProtocolSection { IdentificationModule = Identification }, results, null, null, null, hasResults);

    public static Finding[] FindingsOf(this Study study, string rule) => [.. study.Findings.Where(f => f.Rule == rule)];

    public static PartialDateStruct Date(string date, DateType type) => new() { Date = PartialDate.Parse(date), Type = new Coded<DateType>(type) };

    public static MeasureGroup[] MeasureGroups(params string[] ids) => [.. ids.Select(id => new MeasureGroup { Id = id, Title = id })];

    public static Measurement[] Measurements(params string[] groupIds) =>
        [.. groupIds.Select(id => new Measurement { GroupId = id, Value = ResultValue.Parse("1") })];
}
