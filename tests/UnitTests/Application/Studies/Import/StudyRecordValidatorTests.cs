using Clinical.Application.Studies.Import;
using Clinical.UnitTests.TestData;
using FluentValidation;
using FluentValidation.Results;

namespace Clinical.UnitTests.Application.Studies.Import;

public class StudyRecordValidatorTests
{
    private readonly StudyRecordValidator _validator = new();

    [Fact]
    public void Validate_MinimalValidRecord_NoFailures()
    {
        var record = StudyRecords.Minimal();

        var result = _validator.Validate(record);

        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_KnownCodesAndReadableDates_NoFailures()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord
            {
                StatusVerifiedDate = "2024-05",
                OverallStatus = "ACTIVE_NOT_RECRUITING",
                StartDateStruct = new PartialDateStructRecord { Date = "2021-03", Type = "ACTUAL" },
                CompletionDateStruct = new PartialDateStructRecord { Date = "2026", Type = "ESTIMATED" },
                StudyFirstSubmitDate = "2020-11-30",
            },
            DesignModule = new DesignModuleRecord { StudyType = "INTERVENTIONAL", Phases = ["EARLY_PHASE1", "PHASE1"] },
            EligibilityModule = new EligibilityModuleRecord { Sex = "ALL", MinimumAge = "18 Years", MaximumAge = "6 Months" },
            ContactsLocationsModule = new ContactsLocationsModuleRecord
            {
                Locations = [new LocationRecord { Status = "RECRUITING" }, new LocationRecord { Status = "WITHDRAWN" }],
            },
        });

        var result = _validator.Validate(record);

        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NoProtocolSection_ErrorAtProtocolSection()
    {
        var record = new StudyRecord { HasResults = false };

        var result = _validator.Validate(record);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.PropertyName.ShouldBe("protocolSection");
    }

    [Fact]
    public void Validate_NoIdentificationModule_ErrorAtIdentificationModule()
    {
        var record = new StudyRecord { ProtocolSection = new ProtocolSectionRecord { StatusModule = new StatusModuleRecord() } };

        var result = _validator.Validate(record);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.PropertyName.ShouldBe("protocolSection.identificationModule");
    }

    [Fact]
    public void Validate_NoNctId_ErrorAtNctIdPath()
    {
        var record = StudyRecords.Minimal(nctId: null);

        var result = _validator.Validate(record);

        result.Errors.ShouldNotBeEmpty();
        result.Errors.ShouldAllBe(f => f.Severity == Severity.Error && f.PropertyName == "protocolSection.identificationModule.nctId");
        StudyRecordValidator.NctIdPath.ShouldBe("protocolSection.identificationModule.nctId");
    }

    [Theory]
    [InlineData("NCT123")]
    [InlineData("nct01234567")]
    [InlineData("NCT012345678")]
    [InlineData(" NCT01234567")]
    public void Validate_MalformedNctId_ErrorAtNctIdPathNamingTheValue(string nctId)
    {
        var record = StudyRecords.Minimal(nctId);

        var result = _validator.Validate(record);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Severity.ShouldBe(Severity.Error);
        error.PropertyName.ShouldBe(StudyRecordValidator.NctIdPath);
        error.ErrorMessage.ShouldContain(nctId);
    }

    [Fact]
    public void Validate_UnknownOverallStatus_OnlyUnknownCodeWarning()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeUnknownCodeWarning(warning, "protocolSection.statusModule.overallStatus");
        warning.ErrorMessage.ShouldContain("SOMETHING_NEW");
    }

    [Fact]
    public void Validate_UnknownLocationStatus_UnknownCodeWarningAtThatLocation()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            ContactsLocationsModule = new ContactsLocationsModuleRecord
            {
                Locations = [new LocationRecord { Status = "RECRUITING" }, new LocationRecord { Status = "PAUSED" }],
            },
        });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeUnknownCodeWarning(warning, "protocolSection.contactsLocationsModule.locations[1].status");
    }

    [Fact]
    public void Validate_UnknownPhaseInPhases_UnknownCodeWarningAtThatPhase()
    {
        var record = StudyRecords.WithProtocol(p => p with { DesignModule = new DesignModuleRecord { Phases = ["PHASE2", "PHASE5"] } });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeUnknownCodeWarning(warning, "protocolSection.designModule.phases[1]");
    }

    [Fact]
    public void Validate_SeveralUnknownCodes_OneWarningEachAndNoError()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW", LastKnownStatus = "ALSO_NEW" },
            DesignModule = new DesignModuleRecord { StudyType = "HYBRID", Phases = ["PHASE5"] },
        });

        var result = _validator.Validate(record);

        result.Errors.Count.ShouldBe(4);
        result.Errors.ShouldAllBe(f => f.Severity == Severity.Warning && f.ErrorCode == "unknown-code");
    }

    [Theory]
    [InlineData("March 2021")]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    public void Validate_UnreadableStartDate_UnreadableDateWarning(string date)
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { StartDateStruct = new PartialDateStructRecord { Date = date, Type = "ACTUAL" } },
        });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.ErrorCode.ShouldBe("unreadable-date");
        StudyRecordValidator.ToJsonPath(warning.PropertyName).ShouldBe("protocolSection.statusModule.startDateStruct.date");
    }

    [Fact]
    public void Validate_UnknownCodeAndMalformedNctId_ErrorAndWarningKeepTheirSeverities()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } }, nctId: "NCT123");

        var result = _validator.Validate(record);

        result.Errors.Count(f => f.Severity == Severity.Error).ShouldBe(1);
        result.Errors.Count(f => f.Severity == Severity.Warning).ShouldBe(1);
    }

    [Fact]
    public void Validate_RealStudies_NoFailures()
    {
        var studies = RealStudies.All;

        // Real records use only the specification's codes and the registry's date and age forms: neither errors nor warnings.
        var failures = studies
            .SelectMany(s => _validator.Validate(s.Record).Errors.Select(f => $"{s.NctId}: {f.Severity} {f.ErrorCode} at {f.PropertyName}: {f.ErrorMessage}"))
            .ToList();

        studies.Count.ShouldBe(200);
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ProtocolSection.StatusModule.OverallStatus", "protocolSection.statusModule.overallStatus")]
    [InlineData("ProtocolSection.ContactsLocationsModule.Locations[3].Status", "protocolSection.contactsLocationsModule.locations[3].status")]
    [InlineData("ProtocolSection.DesignModule.Phases[0]", "protocolSection.designModule.phases[0]")]
    [InlineData("ResultsSection.OutcomeMeasuresModule.OutcomeMeasures[12].Analyses[0].CiNumSides", "resultsSection.outcomeMeasuresModule.outcomeMeasures[12].analyses[0].ciNumSides")]
    [InlineData("protocolSection.identificationModule.nctId", "protocolSection.identificationModule.nctId")]
    [InlineData("HasResults", "hasResults")]
    [InlineData("", "")]
    public void ToJsonPath_PascalCaseMemberPath_CamelCaseJsonPath(string propertyName, string expected)
    {
        var path = StudyRecordValidator.ToJsonPath(propertyName);

        path.ShouldBe(expected);
    }

    private static void ShouldBeUnknownCodeWarning(ValidationFailure failure, string jsonPath)
    {
        failure.Severity.ShouldBe(Severity.Warning);
        failure.ErrorCode.ShouldBe("unknown-code");
        StudyRecordValidator.ToJsonPath(failure.PropertyName).ShouldBe(jsonPath);
    }
}
