using Clinical.Application.Studies.Import;
using Clinical.Domain.Studies;
using Clinical.UnitTests.TestData;

namespace Clinical.UnitTests.Application.Studies.Import;

public class StudyValueFindingsTests
{
    private static readonly StudyValueFindings Common = new(TestStudySchema.Common);

    [Fact]
    public void Constructor_SchemaPathTheWireRecordLacks_ThrowsNamingPathAndSegment()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.statusModule.overallStatuz", StudyValueKind.Code, typeof(Status)));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyValueFindings(schema));

        exception.Message.ShouldContain("'protocolSection.statusModule.overallStatuz'");
        exception.Message.ShouldContain("StatusModuleRecord has no property whose JSON name is 'overallStatuz'");
    }

    [Fact]
    public void Constructor_TextFieldTheWireRecordLacks_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.descriptionModule.shortSummary", StudyValueKind.Text));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyValueFindings(schema));

        exception.Message.ShouldContain("'protocolSection.descriptionModule.shortSummary'");
    }

    [Fact]
    public void Constructor_PathGoingPastATextLeaf_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.statusModule.overallStatus.code", StudyValueKind.Code, typeof(Status)));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyValueFindings(schema));

        exception.Message.ShouldContain("'overallStatus' is a String, it has no 'code'");
    }

    [Fact]
    public void Constructor_RuleKindOnANonTextMember_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.designModule.enrollmentInfo.count", StudyValueKind.Date));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyValueFindings(schema));

        exception.Message.ShouldContain("'protocolSection.designModule.enrollmentInfo.count' is a Date");
    }

    [Fact]
    public void Constructor_CodeWithoutEnum_Throws()
    {
        var schema = new TestStudySchema(new StudyField("protocolSection.statusModule.overallStatus", StudyValueKind.Code));

        var exception = Should.Throw<InvalidOperationException>(() => new StudyValueFindings(schema));

        exception.Message.ShouldContain("names no enum");
    }

    [Fact]
    public void Constructor_CommonSchema_OneRulePerFieldWithARule()
    {
        var schema = TestStudySchema.Common;

        var findings = new StudyValueFindings(schema);

        findings.Fields.ShouldBe(schema.Fields.Where(f => f.Kind is not (StudyValueKind.Text or StudyValueKind.Integer)));
    }

    [Fact]
    public void Collect_NestedNullsAndEmptyLists_NoFinding()
    {
        var findings = new StudyValueFindings(new TestStudySchema(new StudyField(
            "resultsSection.outcomeMeasuresModule.outcomeMeasures.classes.categories.measurements.value", StudyValueKind.ResultNumber)));
        var record = StudyRecords.Minimal() with
        {
            ResultsSection = new ResultsSectionRecord
            {
                OutcomeMeasuresModule = new OutcomeMeasuresModuleRecord
                {
                    OutcomeMeasures = [new OutcomeMeasureRecord(), new OutcomeMeasureRecord { Classes = [] }, new OutcomeMeasureRecord { Classes = [new MeasureClassRecord()] }],
                },
            },
        };

        var found = findings.Collect(StudyMapper.ToStudy(record));

        found.ShouldBeNull();
    }

    [Fact]
    public void Collect_FailingValuesAcrossTheTree_InTheDescriptionsFieldOrderThenArrayOrder()
    {
        // The walk meets overallStatus and lastKnownStatus together (one statusModule), phases after them; the findings
        // still come in the description's order, as one walk per field would have listed them.
        var findings = new StudyValueFindings(new TestStudySchema(
            new StudyField("protocolSection.statusModule.overallStatus", StudyValueKind.Code, typeof(Status)),
            new StudyField("protocolSection.designModule.phases", StudyValueKind.Code, typeof(Phase)),
            new StudyField("protocolSection.statusModule.lastKnownStatus", StudyValueKind.Code, typeof(Status))));
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { OverallStatus = "NEW1", LastKnownStatus = "NEW2" },
            DesignModule = new DesignModuleRecord { Phases = ["PHASE8", "PHASE1", "PHASE9"] },
        });

        var found = findings.Collect(StudyMapper.ToStudy(record));

        found.ShouldNotBeNull().Select(f => f.JsonPath).ShouldBe(
        [
            "protocolSection.statusModule.overallStatus",
            "protocolSection.designModule.phases[0]",
            "protocolSection.designModule.phases[2]",
            "protocolSection.statusModule.lastKnownStatus",
        ]);
    }

    [Fact]
    public void Collect_KnownCodesAndReadableDates_NoFindings()
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

        var found = Collect(record);

        found.ShouldBeNull();
    }

    [Fact]
    public void Collect_UnknownOverallStatus_OnlyUnknownCodeFinding()
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW" } });

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(warning, StudyValueRules.UnknownCode, "protocolSection.statusModule.overallStatus", "SOMETHING_NEW");
        warning.Message.ShouldBe("'SOMETHING_NEW' is not a Status value of the specification; stored as given.");
    }

    [Fact]
    public void Collect_UnknownLocationStatus_UnknownCodeFindingAtThatLocationWithItsValue()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            ContactsLocationsModule = new ContactsLocationsModuleRecord
            {
                Locations = [new LocationRecord { Status = "RECRUITING" }, new LocationRecord(), new LocationRecord(), new LocationRecord { Status = "PAUSED" }],
            },
        });

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(warning, StudyValueRules.UnknownCode, "protocolSection.contactsLocationsModule.locations[3].status", "PAUSED");
    }

    [Fact]
    public void Collect_UnknownPhaseInPhases_UnknownCodeFindingAtThatPhase()
    {
        var record = StudyRecords.WithProtocol(p => p with { DesignModule = new DesignModuleRecord { Phases = ["PHASE2", "PHASE5"] } });

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(warning, StudyValueRules.UnknownCode, "protocolSection.designModule.phases[1]", "PHASE5");
    }

    [Fact]
    public void Collect_SeveralUnknownCodes_OneFindingEach()
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { OverallStatus = "SOMETHING_NEW", LastKnownStatus = "ALSO_NEW" },
            DesignModule = new DesignModuleRecord { StudyType = "HYBRID", Phases = ["PHASE5"] },
        });

        var found = Collect(record);

        found.ShouldNotBeNull().Count.ShouldBe(4);
        found.ShouldAllBe(f => f.Rule == StudyValueRules.UnknownCode);
    }

    [Theory]
    [InlineData("March 2021")]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    [InlineData("21-03")]
    public void Collect_UnreadablePartialDate_UnreadableDateFinding(string date)
    {
        var record = StudyRecords.WithProtocol(p => p with
        {
            StatusModule = new StatusModuleRecord { StartDateStruct = new PartialDateStructRecord { Date = date, Type = "ACTUAL" } },
        });

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(warning, StudyValueRules.UnreadableDate, "protocolSection.statusModule.startDateStruct.date", date);
    }

    [Theory]
    [InlineData("2020-11")]
    [InlineData("2020")]
    [InlineData("11/30/2020")]
    public void Collect_FullDateWithoutDay_UnreadableDateFinding(string date)
    {
        var record = StudyRecords.WithProtocol(p => p with { StatusModule = new StatusModuleRecord { StudyFirstSubmitDate = date } });

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(warning, StudyValueRules.UnreadableDate, "protocolSection.statusModule.studyFirstSubmitDate", date);
    }

    [Theory]
    [InlineData("18")]
    [InlineData("Eighteen Years")]
    [InlineData("18 Decades")]
    public void Collect_UnreadableAge_UnreadableAgeFinding(string age)
    {
        var record = StudyRecords.WithProtocol(p => p with { EligibilityModule = new EligibilityModuleRecord { MinimumAge = "18 Years", MaximumAge = age } });

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(warning, StudyValueRules.UnreadableAge, "protocolSection.eligibilityModule.maximumAge", age);
    }

    [Theory]
    [InlineData("12..5")]
    [InlineData("n/a")]
    [InlineData("1.2 - 3.4")]
    [InlineData("<<0.05")]
    [InlineData("0,5")]
    [InlineData("12,34")]
    public void Collect_MalformedMeasurementValue_UnparsedNumberFindingAtItsIndexedPath(string value)
    {
        var record = WithMeasurements("20,200", value);

        var found = Collect(record);

        var warning = found.ShouldNotBeNull().ShouldHaveSingleItem();
        ShouldBeFinding(
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
    public void Collect_ResultNumbersTheRegistrySends_NoFinding(string value)
    {
        var record = WithMeasurements(value, "12.5");

        var found = Collect(record);

        found.ShouldBeNull();
    }

    [Theory]
    [InlineData("2021-03-15T14:02", 0)]
    [InlineData("2021-03-15T14:02:59", 0)]
    [InlineData("15/03/2021 14:02", 1)]
    public void Collect_UploadTimestamp_FindsOnlyWhenUnreadable(string uploadDate, int expected)
    {
        var record = StudyRecords.Minimal() with
        {
            DocumentSection = new DocumentSectionRecord
            {
                LargeDocumentModule = new LargeDocumentModuleRecord { LargeDocs = [new LargeDocRecord { UploadDate = uploadDate }] },
            },
        };

        var found = Collect(record);

        (found?.Count ?? 0).ShouldBe(expected);
        (found ?? []).ShouldAllBe(f => f.Rule == StudyValueRules.UnreadableDate
            && f.JsonPath == "documentSection.largeDocumentModule.largeDocs[0].uploadDate");
    }

    [Fact]
    public void Collect_RealStudies_NoFindings()
    {
        var studies = RealStudies.All;

        // Real records use only the specification's codes and the registry's date, age and number forms.
        var failures = studies
            .SelectMany(s => (Collect(s.Record) ?? []).Select(f => $"{s.NctId}: {f.Rule} at {f.JsonPath}: {f.Message}"))
            .ToList();

        studies.Count.ShouldBe(200);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Collect_ManyThreadsOnOneInstance_SameFindingsAsOneThread()
    {
        var records = Enumerable.Range(0, 64)
            .Select(i => WithMeasurements("1", i % 2 == 0 ? "bad" + i : "2") with { ProtocolSection = StudyRecords.Minimal().ProtocolSection })
            .ToArray();
        var expected = records.Select(r => Describe(Collect(r))).ToArray();

        var actual = new string[records.Length];
        Parallel.For(0, records.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            actual[i % records.Length] = Describe(Collect(records[i % records.Length])));

        actual.ShouldBe(expected);
    }

    private static IReadOnlyList<Finding>? Collect(StudyRecord record) => Common.Collect(StudyMapper.ToStudy(record));

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

    private static string Describe(IReadOnlyList<Finding>? findings) =>
        string.Join("|", (findings ?? []).Select(f => $"{f.Rule} {f.JsonPath} {f.Value}"));

    private static void ShouldBeFinding(Finding finding, string rule, string jsonPath, string value)
    {
        finding.Rule.ShouldBe(rule);
        finding.JsonPath.ShouldBe(jsonPath);
        finding.Value.ShouldBe(value);
        finding.Message.ShouldContain(value);
    }
}
