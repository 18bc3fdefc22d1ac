using Clinical.Application.Studies.Import;
using Clinical.UnitTests.TestData;
using FluentValidation;
using FluentValidation.Results;

namespace Clinical.UnitTests.Application.Studies.Import;

public class StudyRecordValidatorTests
{
    private readonly StudyRecordValidator _validator = new(TestStudySchema.Common);

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
        ShouldBeWarning(warning, StudyValueRules.UnknownCode, "protocolSection.statusModule.overallStatus", "SOMETHING_NEW");
        warning.ErrorMessage.ShouldBe("'SOMETHING_NEW' is not a Status value of the specification; stored as given.");
    }

    [Fact]
    public void Validate_UnknownLocationStatus_UnknownCodeWarningAtThatLocationWithItsValue()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            ContactsLocationsModule = new ContactsLocationsModuleRecord
            {
                Locations = [new LocationRecord { Status = "RECRUITING" }, new LocationRecord(), new LocationRecord(), new LocationRecord { Status = "PAUSED" }],
            },
        });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeWarning(warning, StudyValueRules.UnknownCode, "protocolSection.contactsLocationsModule.locations[3].status", "PAUSED");
    }

    [Fact]
    public void Validate_UnknownPhaseInPhases_UnknownCodeWarningAtThatPhase()
    {
        var record = StudyRecords.WithProtocol(p => p with { DesignModule = new DesignModuleRecord { Phases = ["PHASE2", "PHASE5"] } });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeWarning(warning, StudyValueRules.UnknownCode, "protocolSection.designModule.phases[1]", "PHASE5");
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
        result.Errors.ShouldAllBe(f => f.Severity == Severity.Warning && f.ErrorCode == StudyValueRules.UnknownCode);
    }

    [Theory]
    [InlineData("March 2021")]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    [InlineData("21-03")]
    public void Validate_UnreadablePartialDate_UnreadableDateWarning(string date)
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { StartDateStruct = new PartialDateStructRecord { Date = date, Type = "ACTUAL" } },
        });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeWarning(warning, StudyValueRules.UnreadableDate, "protocolSection.statusModule.startDateStruct.date", date);
    }

    [Theory]
    [InlineData("2020-11")]
    [InlineData("2020")]
    [InlineData("11/30/2020")]
    public void Validate_FullDateWithoutDay_UnreadableDateWarning(string date)
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { StudyFirstSubmitDate = date } });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeWarning(warning, StudyValueRules.UnreadableDate, "protocolSection.statusModule.studyFirstSubmitDate", date);
    }

    [Theory]
    [InlineData("18")]
    [InlineData("Eighteen Years")]
    [InlineData("18 Decades")]
    public void Validate_UnreadableAge_UnreadableAgeWarning(string age)
    {
        var record = StudyRecords.WithProtocol(p => p with { EligibilityModule = new EligibilityModuleRecord { MinimumAge = "18 Years", MaximumAge = age } });

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeWarning(warning, StudyValueRules.UnreadableAge, "protocolSection.eligibilityModule.maximumAge", age);
    }

    [Theory]
    [InlineData("12..5")]
    [InlineData("n/a")]
    [InlineData("1.2 - 3.4")]
    [InlineData("<<0.05")]
    [InlineData("0,5")]
    [InlineData("12,34")]
    public void Validate_MalformedMeasurementValue_UnparsedNumberWarningAtItsIndexedPath(string value)
    {
        var record = WithMeasurements("20,200", value);

        var result = _validator.Validate(record);

        var warning = result.Errors.ShouldHaveSingleItem();
        ShouldBeWarning(
            warning,
            StudyValueRules.UnparsedNumber,
            "resultsSection.outcomeMeasuresModule.outcomeMeasures[0].classes[0].categories[0].measurements[1].value",
            value);
    }

    [Theory]
    [InlineData("NA")]
    [InlineData(".17")]
    [InlineData("-.90")]
    [InlineData("26,300")]
    [InlineData("<0.001")]
    [InlineData(">= 12")]
    [InlineData("≤0.05")]
    [InlineData("1.5E-4")]
    public void Validate_ResultNumbersTheRegistrySends_NoWarning(string value)
    {
        var record = WithMeasurements(value, "12.5");

        var result = _validator.Validate(record);

        result.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2021-03-15T14:02", 0)]
    [InlineData("2021-03-15T14:02:59", 0)]
    [InlineData("15/03/2021 14:02", 1)]
    public void Validate_UploadTimestamp_WarnsOnlyWhenUnreadable(string uploadDate, int expected)
    {
        var record = StudyRecords.Minimal() with
        {
            DocumentSection = new DocumentSectionRecord
            {
                LargeDocumentModule = new LargeDocumentModuleRecord { LargeDocs = [new LargeDocRecord { UploadDate = uploadDate }] },
            },
        };

        var result = _validator.Validate(record);

        result.Errors.Count.ShouldBe(expected);
        result.Errors.ShouldAllBe(f => f.ErrorCode == StudyValueRules.UnreadableDate
            && f.PropertyName == "documentSection.largeDocumentModule.largeDocs[0].uploadDate");
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

        // Real records use only the specification's codes and the registry's date, age and number forms.
        var failures = studies
            .SelectMany(s => _validator.Validate(s.Record).Errors.Select(f => $"{s.NctId}: {f.Severity} {f.ErrorCode} at {f.PropertyName}: {f.ErrorMessage}"))
            .ToList();

        studies.Count.ShouldBe(200);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_ManyThreadsOnOneInstance_SameWarningsAsOneThread()
    {
        var records = Enumerable.Range(0, 64)
            .Select(i => WithMeasurements("1", i % 2 == 0 ? "bad" + i : "2") with { ProtocolSection = StudyRecords.Minimal().ProtocolSection })
            .ToArray();
        var expected = records.Select(r => Describe(_validator.Validate(r))).ToArray();

        var actual = new string[records.Length];
        Parallel.For(0, records.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            actual[i % records.Length] = Describe(_validator.Validate(records[i % records.Length])));

        actual.ShouldBe(expected);
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

    private static StudyRecord WithMeasurements(params string[] values) => StudyRecords.Minimal() with
    {
        ResultsSection = new ResultsSectionRecord
        {
            OutcomeMeasuresModule = new OutcomeMeasuresModuleRecord
            {
                OutcomeMeasures =
                [
                    new OutcomeMeasureRecord
                    {
                        Classes =
                        [
                            new MeasureClassRecord
                            {
                                Categories = [new MeasureCategoryRecord { Measurements = [.. values.Select(v => new MeasurementRecord { Value = v })] }],
                            },
                        ],
                    },
                ],
            },
        },
    };

    private static string Describe(ValidationResult result) =>
        string.Join("|", result.Errors.Select(f => $"{f.ErrorCode} {f.PropertyName} {f.AttemptedValue}"));

    private static void ShouldBeWarning(ValidationFailure failure, string errorCode, string jsonPath, string value)
    {
        failure.Severity.ShouldBe(Severity.Warning);
        failure.ErrorCode.ShouldBe(errorCode);
        failure.PropertyName.ShouldBe(jsonPath);
        failure.AttemptedValue.ShouldBe(value);
        failure.ErrorMessage.ShouldContain(value);
    }
}
