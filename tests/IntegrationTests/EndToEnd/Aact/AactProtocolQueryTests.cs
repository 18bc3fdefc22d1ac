using System.Globalization;
using System.Text.RegularExpressions;
using static Clinical.IntegrationTests.EndToEnd.Aact.StudyJson;

namespace Clinical.IntegrationTests.EndToEnd.Aact;

/// <summary>AACT-style queries over the protocol tables, each checked against values computed from the real studies' JSON.</summary>
[Collection(AactCollection.Name)]
public sealed class AactProtocolQueryTests(AactRealStudies aact)
{
    private const string Protocol = "protocolSection";
    private readonly AactRealStudies _aact = aact;

    private IReadOnlyList<System.Text.Json.Nodes.JsonNode> Studies => _aact.Studies;

    [Fact]
    public async Task Studies_CountByStatus_EqualsTheJson()
    {
        _aact.RequireAvailable();
        var expected = Studies.Count(s => Text(s, $"{Protocol}.statusModule.overallStatus") == "COMPLETED");

        var completed = await _aact.ScalarAsync<long>("SELECT count(*) FROM ctgov.studies WHERE overall_status = 'COMPLETED'");

        completed.ShouldBe(expected);
        (await _aact.ScalarAsync<long>("SELECT count(*) FROM ctgov.studies")).ShouldBe(Studies.Count);
    }

    [Fact]
    public async Task Studies_PhaseOfAMultiPhaseStudy_IsThePhasesJoinedWithSlash()
    {
        _aact.RequireAvailable();
        var study = Studies.First(s => Items(s, $"{Protocol}.designModule.phases").Count() > 1);
        var expected = string.Join('/', Items(study, $"{Protocol}.designModule.phases").Select(p => p.GetValue<string>()));

        var phase = await _aact.ScalarAsync<string>($"SELECT phase FROM studies WHERE nct_id = '{Nct(study)}'");

        phase.ShouldBe(expected);
    }

    [Fact]
    public async Task Studies_PartialStartDate_IsTheLastDayOfTheMonthWithTheMonthYearText()
    {
        _aact.RequireAvailable();
        var study = Studies.First(s => Text(s, $"{Protocol}.statusModule.startDateStruct.date")?.Length == 7);
        var raw = Text(study, $"{Protocol}.statusModule.startDateStruct.date")!;
        var month = DateTime.ParseExact(raw, "yyyy-MM", CultureInfo.InvariantCulture);

        var row = await _aact.ColumnAsync<string>($"SELECT start_month_year || ' ' || start_date::text FROM studies WHERE nct_id = '{Nct(study)}'");

        row.Single().ShouldBe($"{raw} {month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
    }

    [Fact]
    public async Task Studies_NumberOfArmsAndGroups_SplitByStudyType()
    {
        _aact.RequireAvailable();
        int Arms(string type) => Studies.Where(s => (Text(s, $"{Protocol}.designModule.studyType") == "INTERVENTIONAL") == (type == "arms"))
            .Sum(s => Items(s, $"{Protocol}.armsInterventionsModule.armGroups").Count());

        var arms = await _aact.ScalarAsync<long>("SELECT coalesce(sum(number_of_arms), 0) FROM studies");
        var groups = await _aact.ScalarAsync<long>("SELECT coalesce(sum(number_of_groups), 0) FROM studies");

        arms.ShouldBe(Arms("arms"));
        groups.ShouldBe(Arms("groups"));
    }

    [Fact]
    public async Task BriefSummaries_Description_IsTheTextAsSentNewlinesIncluded()
    {
        _aact.RequireAvailable();
        var study = Studies.First(s => Text(s, $"{Protocol}.descriptionModule.briefSummary")?.Contains('\n') == true);

        var description = await _aact.ScalarAsync<string>($"SELECT description FROM brief_summaries WHERE nct_id = '{Nct(study)}'");

        description.ShouldBe(Text(study, $"{Protocol}.descriptionModule.briefSummary"));
        (await _aact.ScalarAsync<long>("SELECT count(*) FROM brief_summaries")).ShouldBe(CountWith(Studies, $"{Protocol}.descriptionModule.briefSummary"));
    }

    [Fact]
    public async Task DetailedDescriptions_Count_EqualsTheStudiesWithADescriptionModule()
    {
        _aact.RequireAvailable();

        var count = await _aact.ScalarAsync<long>("SELECT count(*) FROM detailed_descriptions");
        var described = await _aact.ScalarAsync<long>("SELECT count(*) FROM detailed_descriptions WHERE description IS NOT NULL");

        count.ShouldBe(CountWith(Studies, $"{Protocol}.descriptionModule"));
        described.ShouldBe(CountWith(Studies, $"{Protocol}.descriptionModule.detailedDescription"));
    }

    [Theory]
    [InlineData("NCT00033839")]
    [InlineData("NCT00162175")]
    public async Task DetailedDescriptions_DescriptionModuleWithoutADetailedDescription_IsARowWithANullDescriptionAsInAact(string nctId)
    {
        _aact.RequireAvailable();
        var study = Studies.Single(s => Nct(s) == nctId);
        At(study, $"{Protocol}.descriptionModule").ShouldNotBeNull();
        At(study, $"{Protocol}.descriptionModule.detailedDescription").ShouldBeNull();

        var descriptions = await _aact.ColumnAsync<string?>($"SELECT description FROM detailed_descriptions WHERE nct_id = '{nctId}'");

        descriptions.ShouldBe([null]);
    }

    [Fact]
    public async Task CalculatedValues_OutcomesToMeasure_AreNullNotZeroForAStudyWithNoneOfTheTypeAsInAact()
    {
        _aact.RequireAvailable();
        string Counts(string nctId) => string.Join('|', new[] { "primaryOutcomes", "secondaryOutcomes", "otherOutcomes" }.Select(type =>
            Items(Studies.Single(s => Nct(s) == nctId), $"{Protocol}.outcomesModule.{type}").Count() is var n and > 0 ? n.ToString(CultureInfo.InvariantCulture) : "NULL"));
        const string Sql = "SELECT concat_ws('|', coalesce(number_of_primary_outcomes_to_measure::text, 'NULL'), coalesce(number_of_secondary_outcomes_to_measure::text, 'NULL'), " +
                           "coalesce(number_of_other_outcomes_to_measure::text, 'NULL')) FROM calculated_values WHERE nct_id = ";

        var noPrimary = await _aact.ScalarAsync<string>($"{Sql}'NCT00033839'");
        var noOther = await _aact.ScalarAsync<string>($"{Sql}'NCT00000410'");
        var zeros = await _aact.ScalarAsync<long>(
            "SELECT count(*) FROM calculated_values WHERE 0 IN (number_of_primary_outcomes_to_measure, number_of_secondary_outcomes_to_measure, number_of_other_outcomes_to_measure)");
        var nullPrimary = await _aact.ScalarAsync<long>("SELECT count(*) FROM calculated_values WHERE number_of_primary_outcomes_to_measure IS NULL");

        noPrimary.ShouldBe("NULL|NULL|NULL");
        noPrimary.ShouldBe(Counts("NCT00033839"));
        noOther.ShouldBe("1|4|NULL");
        noOther.ShouldBe(Counts("NCT00000410"));
        zeros.ShouldBe(0);
        nullPrimary.ShouldBe(Studies.Count(s => !Items(s, $"{Protocol}.outcomesModule.primaryOutcomes").Any()));
    }

    [Fact]
    public async Task CalculatedValues_FacilityFlags_AreNullNotFalseForAStudyWithoutLocationsAsInAact()
    {
        _aact.RequireAvailable();
        var withoutLocations = Studies.Where(s => !Items(s, $"{Protocol}.contactsLocationsModule.locations").Any()).Select(Nct).ToArray();
        withoutLocations.ShouldContain("NCT00410098");
        withoutLocations.ShouldContain("NCT01213277");

        var flags = await _aact.ColumnAsync<string>(
            "SELECT coalesce(has_single_facility::text, 'NULL') || '|' || coalesce(has_us_facility::text, 'NULL') FROM calculated_values WHERE nct_id IN ('NCT00410098', 'NCT01213277')");
        var nulls = await _aact.ColumnAsync<string>("SELECT nct_id FROM calculated_values WHERE has_single_facility IS NULL OR has_us_facility IS NULL ORDER BY nct_id");

        flags.ShouldBe(["NULL|NULL", "NULL|NULL"]);
        nulls.ShouldBe(withoutLocations.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task EligibilitiesAndCalculatedValues_MinimumAge_IsTheTextAndItsNumber()
    {
        _aact.RequireAvailable();
        var study = Studies.First(s => Text(s, $"{Protocol}.eligibilityModule.minimumAge") is not null);
        var raw = Text(study, $"{Protocol}.eligibilityModule.minimumAge")!;

        var row = await _aact.ColumnAsync<string>(
            $"SELECT e.minimum_age || '|' || cv.minimum_age_num || '|' || cv.minimum_age_unit FROM eligibilities e JOIN calculated_values cv ON cv.nct_id = e.nct_id WHERE e.nct_id = '{Nct(study)}'");

        var number = Regex.Match(raw, @"^\d+").Value;
        var unit = raw.Split(' ')[1].ToLowerInvariant().TrimEnd('s');
        row.Single().ShouldBe($"{raw}|{number}|{unit}");
    }

    [Fact]
    public async Task Eligibilities_AdultFlag_EqualsStdAgesContainingAdult()
    {
        _aact.RequireAvailable();
        var expected = Studies.Count(s => Items(s, $"{Protocol}.eligibilityModule.stdAges").Any(a => a.GetValue<string>() == "ADULT"));

        var adults = await _aact.ScalarAsync<long>("SELECT count(*) FROM eligibilities WHERE adult");

        adults.ShouldBe(expected);
    }

    [Fact]
    public async Task Designs_SubjectMasked_EqualsWhoMaskedContainingParticipant()
    {
        _aact.RequireAvailable();
        var expected = Studies.Count(s => Items(s, $"{Protocol}.designModule.designInfo.maskingInfo.whoMasked").Any(w => w.GetValue<string>() == "PARTICIPANT"));

        var masked = await _aact.ScalarAsync<long>("SELECT count(*) FROM designs WHERE subject_masked");

        masked.ShouldBe(expected);
    }

    [Fact]
    public async Task Sponsors_LeadAndCollaborators_OneRowEach()
    {
        _aact.RequireAvailable();

        var lead = await _aact.ScalarAsync<long>("SELECT count(*) FROM sponsors WHERE lead_or_collaborator = 'lead'");
        var collaborators = await _aact.ScalarAsync<long>("SELECT count(*) FROM sponsors WHERE lead_or_collaborator = 'collaborator'");

        lead.ShouldBe(CountWith(Studies, $"{Protocol}.sponsorCollaboratorsModule.leadSponsor.name"));
        collaborators.ShouldBe(Count(Studies, $"{Protocol}.sponsorCollaboratorsModule.collaborators"));
    }

    [Fact]
    public async Task ResponsibleParties_Count_EqualsTheStudiesWithOne()
    {
        _aact.RequireAvailable();

        var count = await _aact.ScalarAsync<long>("SELECT count(*) FROM responsible_parties");

        count.ShouldBe(CountWith(Studies, $"{Protocol}.sponsorCollaboratorsModule.responsibleParty"));
    }

    [Fact]
    public async Task ConditionsAndKeywords_DowncaseName_IsTheNameInLowerCase()
    {
        _aact.RequireAvailable();

        var conditions = await _aact.ScalarAsync<long>("SELECT count(*) FROM conditions WHERE downcase_name = lower(name)");
        var keywords = await _aact.ScalarAsync<long>("SELECT count(*) FROM keywords WHERE downcase_name = lower(name)");

        conditions.ShouldBe(Count(Studies, $"{Protocol}.conditionsModule.conditions"));
        keywords.ShouldBe(Count(Studies, $"{Protocol}.conditionsModule.keywords"));
    }

    [Fact]
    public async Task BrowseTables_MeshListAndAncestors_OneRowPerTerm()
    {
        _aact.RequireAvailable();

        var list = await _aact.ScalarAsync<long>("SELECT count(*) FROM browse_conditions WHERE mesh_type = 'mesh-list'");
        var ancestors = await _aact.ScalarAsync<long>("SELECT count(*) FROM browse_conditions WHERE mesh_type = 'mesh-ancestor'");
        var interventions = await _aact.ScalarAsync<long>("SELECT count(*) FROM browse_interventions");

        list.ShouldBe(Count(Studies, "derivedSection.conditionBrowseModule.meshes"));
        ancestors.ShouldBe(Count(Studies, "derivedSection.conditionBrowseModule.ancestors"));
        interventions.ShouldBe(Count(Studies, "derivedSection.interventionBrowseModule.meshes") + Count(Studies, "derivedSection.interventionBrowseModule.ancestors"));
    }

    [Fact]
    public async Task IdInformation_OrgSecondaryAndAliases_BySource()
    {
        _aact.RequireAvailable();
        var expected = CountWith(Studies, $"{Protocol}.identificationModule.orgStudyIdInfo.id")
            + Count(Studies, $"{Protocol}.identificationModule.secondaryIdInfos")
            + Count(Studies, $"{Protocol}.identificationModule.nctIdAliases");

        var count = await _aact.ScalarAsync<long>("SELECT count(*) FROM id_information WHERE id_source IN ('org_study_id', 'secondary_id', 'nct_alias')");

        count.ShouldBe(expected);
    }

    [Fact]
    public async Task OverallOfficialsAndCentralContacts_OnePrimaryContactPerStudy()
    {
        _aact.RequireAvailable();

        var officials = await _aact.ScalarAsync<long>("SELECT count(*) FROM overall_officials");
        var primary = await _aact.ScalarAsync<long>("SELECT count(*) FROM central_contacts WHERE contact_type = 'primary'");

        officials.ShouldBe(Count(Studies, $"{Protocol}.contactsLocationsModule.overallOfficials"));
        primary.ShouldBe(Studies.Count(s => Items(s, $"{Protocol}.contactsLocationsModule.centralContacts").Any()));
    }

    [Fact]
    public async Task FacilityContactsAndInvestigators_SplitTheLocationContactsByRole()
    {
        _aact.RequireAvailable();
        var contacts = Studies.SelectMany(s => Items(s, $"{Protocol}.contactsLocationsModule.locations")).SelectMany(l => Items(l, "contacts")).ToArray();
        var investigators = contacts.Count(c => Regex.IsMatch(Text(c, "role") ?? string.Empty, "investigator|study.chair", RegexOptions.IgnoreCase));

        var joined = await _aact.ScalarAsync<long>("SELECT count(*) FROM facility_investigators i JOIN facilities f ON f.id = i.facility_id AND f.nct_id = i.nct_id");
        var others = await _aact.ScalarAsync<long>("SELECT count(*) FROM facility_contacts c JOIN facilities f ON f.id = c.facility_id");

        joined.ShouldBe(investigators);
        others.ShouldBe(contacts.Length - investigators);
    }

    [Fact]
    public async Task Countries_NotRemoved_AreTheDistinctLocationCountries()
    {
        _aact.RequireAvailable();
        var expected = Studies.Sum(s => Items(s, $"{Protocol}.contactsLocationsModule.locations").Select(l => Text(l, "country")).Distinct().Count());

        var count = await _aact.ScalarAsync<long>("SELECT count(*) FROM countries WHERE NOT removed");

        count.ShouldBe(expected);
    }

    [Fact]
    public async Task DesignGroupInterventions_JoinGroupsAndInterventionsById()
    {
        _aact.RequireAvailable();
        var expected = Studies.Sum(s =>
        {
            var labels = Items(s, $"{Protocol}.armsInterventionsModule.armGroups").Select(a => Text(a, "label")).ToHashSet();
            return Items(s, $"{Protocol}.armsInterventionsModule.interventions").SelectMany(i => Items(i, "armGroupLabels")).Count(l => labels.Contains(l.GetValue<string>()));
        });

        var count = await _aact.ScalarAsync<long>(
            "SELECT count(*) FROM design_group_interventions x JOIN design_groups g ON g.id = x.design_group_id JOIN interventions i ON i.id = x.intervention_id");

        count.ShouldBe(expected);
        (await _aact.ScalarAsync<long>("SELECT count(*) FROM design_groups")).ShouldBe(Count(Studies, $"{Protocol}.armsInterventionsModule.armGroups"));
    }

    [Fact]
    public async Task InterventionOtherNames_JoinTheirInterventionById()
    {
        _aact.RequireAvailable();
        var expected = Studies.SelectMany(s => Items(s, $"{Protocol}.armsInterventionsModule.interventions")).Sum(i => Items(i, "otherNames").Count());

        var count = await _aact.ScalarAsync<long>("SELECT count(*) FROM intervention_other_names o JOIN interventions i ON i.id = o.intervention_id");

        count.ShouldBe(expected);
    }

    [Fact]
    public async Task DesignOutcomes_PrimaryCount_EqualsCalculatedValuesAndTheJson()
    {
        _aact.RequireAvailable();

        var primary = await _aact.ScalarAsync<long>("SELECT count(*) FROM design_outcomes WHERE outcome_type = 'primary'");
        var calculated = await _aact.ScalarAsync<long>("SELECT sum(number_of_primary_outcomes_to_measure) FROM calculated_values");

        primary.ShouldBe(Count(Studies, $"{Protocol}.outcomesModule.primaryOutcomes"));
        calculated.ShouldBe(primary);
    }

    [Fact]
    public async Task ReferenceTables_Counts_EqualTheJsonArrays()
    {
        _aact.RequireAvailable();

        var counts = await _aact.ColumnAsync<long>("""
            SELECT count(*) FROM ipd_information_types UNION ALL SELECT count(*) FROM documents UNION ALL SELECT count(*) FROM links
            UNION ALL SELECT count(*) FROM study_references UNION ALL SELECT count(*) FROM retractions r JOIN study_references s ON s.id = r.reference_id
            UNION ALL SELECT count(*) FROM provided_documents UNION ALL SELECT count(*) FROM pending_results
            """);

        counts.ShouldBe([
            Count(Studies, $"{Protocol}.ipdSharingStatementModule.infoTypes"),
            Count(Studies, $"{Protocol}.referencesModule.availIpds"),
            Count(Studies, $"{Protocol}.referencesModule.seeAlsoLinks"),
            Count(Studies, $"{Protocol}.referencesModule.references"),
            Studies.SelectMany(s => Items(s, $"{Protocol}.referencesModule.references")).Sum(r => Items(r, "retractions").Count()),
            Count(Studies, "documentSection.largeDocumentModule.largeDocs"),
            Count(Studies, "annotationSection.annotationModule.unpostedAnnotation.unpostedEvents"),
        ]);
    }

    [Fact]
    public async Task AllConditions_Names_AreTheStudysDistinctConditionsJoinedWithABar()
    {
        _aact.RequireAvailable();
        var study = Studies.First(s => Items(s, $"{Protocol}.conditionsModule.conditions").Count() > 1);

        var names = await _aact.ScalarAsync<string>($"SELECT names FROM all_conditions WHERE nct_id = '{Nct(study)}'");

        names.Split('|').Order(StringComparer.Ordinal).ShouldBe(
            Items(study, $"{Protocol}.conditionsModule.conditions").Select(c => c.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
    }
}
