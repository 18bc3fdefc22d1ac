using Clinical.Application.Studies.Import;
using Clinical.UnitTests.TestData;
using FluentValidation;

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
    public void Validate_UnknownCodeAndMalformedNctId_OnlyTheRejectRule()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } }, nctId: "NCT123");

        var result = _validator.Validate(record);

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(StudyRecordValidator.NctIdPath);
    }

    [Fact]
    public void Validate_UnknownCodesAndUnreadableValues_NoFailure()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW", StudyFirstSubmitDate = "2020" },
            EligibilityModule = new EligibilityModuleRecord { MinimumAge = "Eighteen Years" },
        });

        var result = _validator.Validate(record);

        result.Errors.ShouldBeEmpty();
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
}
