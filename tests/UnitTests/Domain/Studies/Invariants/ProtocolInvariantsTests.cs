using Clinical.Domain.Studies;
using Clinical.Domain.Studies.Invariants;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Domain.Studies.Invariants;

public class ProtocolInvariantsTests
{
    [Theory]
    [InlineData("65 Years", "18 Years")]
    [InlineData("2 Years", "18 Months")]
    [InlineData("1 Day", "12 Hours")]
    public void Constructor_MinimumAgeAboveMaximumAge_FindsMinAgeAboveMaxAge(string minimum, string maximum)
    {
        var eligibility = new EligibilityModule { MinimumAge = Age.Parse(minimum), MaximumAge = Age.Parse(maximum) };

        var study = DomainStudies.WithProtocol(new ProtocolSection { EligibilityModule = eligibility });

        var finding = study.FindingsOf(InvariantRules.MinAgeAboveMaxAge).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.eligibilityModule.minimumAge");
        finding.Value.ShouldBe(minimum);
        finding.Message.ShouldContain(maximum);
    }

    [Theory]
    [InlineData("18 Years", "65 Years")]
    [InlineData("6 Months", "1 Year")]
    [InlineData("18 Years", "18 Years")]
    [InlineData("65 Years", "N/A")]
    public void Constructor_MinimumAgeNotAboveMaximumAgeOrUnparsed_FindsNothing(string minimum, string maximum)
    {
        var eligibility = new EligibilityModule { MinimumAge = Age.Parse(minimum), MaximumAge = Age.Parse(maximum) };

        var study = DomainStudies.WithProtocol(new ProtocolSection { EligibilityModule = eligibility });

        study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_NegativeEnrollment_FindsNegativeEnrollment()
    {
        var design = new DesignModule { EnrollmentInfo = new EnrollmentInfo { Count = -3 } };

        var study = DomainStudies.WithProtocol(new ProtocolSection { DesignModule = design });

        var finding = study.FindingsOf(InvariantRules.NegativeEnrollment).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.designModule.enrollmentInfo.count");
        finding.Value.ShouldBe("-3");
    }

    [Fact]
    public void Constructor_ZeroEnrollment_FindsNothing()
    {
        var design = new DesignModule { EnrollmentInfo = new EnrollmentInfo { Count = 0 } };

        var study = DomainStudies.WithProtocol(new ProtocolSection { DesignModule = design });

        study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_ActualPrimaryCompletionBeforeActualStart_FindsDatesOutOfOrder()
    {
        var status = new StatusModule
        {
            StartDateStruct = DomainStudies.Date("2020-05-01", DateType.Actual),
            PrimaryCompletionDateStruct = DomainStudies.Date("2020-03", DateType.Actual),
            CompletionDateStruct = DomainStudies.Date("2021-01", DateType.Actual),
        };

        var study = DomainStudies.WithProtocol(new ProtocolSection { StatusModule = status });

        var finding = study.FindingsOf(InvariantRules.DatesOutOfOrder).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.statusModule.primaryCompletionDateStruct.date");
        finding.Value.ShouldBe("2020-03");
        finding.Message.ShouldContain("startDate 2020-05-01");
    }

    [Fact]
    public void Constructor_ActualCompletionBeforeActualStartWithEstimatedPrimary_FindsDatesOutOfOrderAtCompletion()
    {
        var status = new StatusModule
        {
            StartDateStruct = DomainStudies.Date("2020-05", DateType.Actual),
            PrimaryCompletionDateStruct = DomainStudies.Date("2025-01", DateType.Estimated),
            CompletionDateStruct = DomainStudies.Date("2019", DateType.Actual),
        };

        var study = DomainStudies.WithProtocol(new ProtocolSection { StatusModule = status });

        var finding = study.FindingsOf(InvariantRules.DatesOutOfOrder).ShouldHaveSingleItem();
        finding.JsonPath.ShouldBe("protocolSection.statusModule.completionDateStruct.date");
    }

    [Theory]
    [InlineData("2020-03-15", "2020-03", "2020-03-20")]
    [InlineData("2020-03", "2020-03-01", "2020")]
    [InlineData("2019-12-31", "2020-01-01", "2020-01-01")]
    public void Constructor_ActualDatesInOrderAtCoarserPrecision_FindsNothing(string start, string primary, string completion)
    {
        var status = new StatusModule
        {
            StartDateStruct = DomainStudies.Date(start, DateType.Actual),
            PrimaryCompletionDateStruct = DomainStudies.Date(primary, DateType.Actual),
            CompletionDateStruct = DomainStudies.Date(completion, DateType.Actual),
        };

        var study = DomainStudies.WithProtocol(new ProtocolSection { StatusModule = status });

        study.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Constructor_EstimatedDatesOutOfOrder_FindsNothing()
    {
        var status = new StatusModule
        {
            StartDateStruct = DomainStudies.Date("2026-05", DateType.Estimated),
            PrimaryCompletionDateStruct = DomainStudies.Date("2020-03", DateType.Actual),
            CompletionDateStruct = new PartialDateStruct { Date = PartialDate.Parse("2019-01") },
        };

        var study = DomainStudies.WithProtocol(new ProtocolSection { StatusModule = status });

        study.Findings.ShouldBeEmpty();
    }
}
