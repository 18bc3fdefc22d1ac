using static Clinical.Infrastructure.Persistence.Aact.AactSql;

namespace Clinical.Infrastructure.Persistence.Aact;

/// <summary>
/// AACT's 46 study tables (ctti-clinicaltrials/aact db/structure.sql, commit 5a060286), each described as SQL over our
/// native tables: AACT's table and column names in AACT's order, compatible types, AACT's conversions. <c>{n}</c> is the
/// native schema. A declarative description: this file may exceed the usual length.
/// </summary>
public static class AactTables
{
    private const string V = "character varying";
    private const string T = "text";
    private const string I = "integer";
    private const string D = "date";
    private const string B = "boolean";
    private const string N = "numeric";
    private const string Ts = "timestamp without time zone";
    private const string Big = "bigint";

    /// <summary>The note of every id column.</summary>
    public const string IdNote = "stable: nct number × 2^36 + the element's ordinal path (AACT: an integer serial renumbered on every reload); bigint because 32 bits cannot hold a collision-free stable id";

    private const string NoV2Source = "no v2 source (a v1-era column AACT keeps empty)";

    private static AactColumn C(string name, string type, string expression, string? note = null) => new(name, type, expression, note);

    private static AactColumn IdColumn(string expression) => new("id", Big, expression, IdNote);

    private static AactColumn Fk(string name, string expression) => new(name, Big, expression, "the referenced row's stable id");

    private static AactColumn Nct(string alias) => new("nct_id", V, $"{alias}.nct_id");

    private static AactColumn Null(string name, string type) => new(name, type, $"NULL::{type}", NoV2Source);

    private static AactTable Table(string name, string grain, string from, params AactColumn[] columns) => new(name, grain, from, columns);

    private static readonly string[] UsTerritories =
    [
        "United States", "Guam", "Puerto Rico", "U.S. Virgin Islands", "Virgin Islands (U.S.)", "Northern Mariana Islands",
        "American Samoa", "United States Minor Outlying Islands", "Midway Islands", "Palmyra Atoll", "Baker Island",
        "Howland Island", "Jarvis Island", "Johnston Atoll", "Kingman Reef", "Wake Island", "Navassa Island",
        "Serranilla Bank", "Bajo Nuevo Bank",
    ];

    private static string StudyDate(string column) => LastDay($"s.{column}", $"s.{column}_precision");

    private static string Count(string table, string where = "") =>
        $"(SELECT count(*)::int FROM {{n}}.{table} x WHERE x.nct_id = s.nct_id{where})";

    /// <summary>
    /// The adverse-event subjects of one kind (serious / other), counted once: groups whose participants at risk equal the
    /// sum of all the other groups' (a "Total" or combined group, e.g. "Migraine + Cluster Headache") are left out; when the
    /// remaining groups still hold more participants at risk than the study enrolled, they overlap (per-period or
    /// crossover groups, the same people counted in each) and no sum is right: NULL.
    /// </summary>
    private static string AeSubjects(string kind) => $"""
        (SELECT CASE WHEN sum(g.at_risk) FILTER (WHERE NOT g.aggregate) > s.enrollment THEN NULL
                     ELSE sum(g.{kind}_num_affected) FILTER (WHERE NOT g.aggregate)::int END
           FROM (SELECT e.{kind}_num_affected, coalesce(e.{kind}_num_at_risk, 0) AS at_risk,
                        count(*) OVER () > 2 AND 2 * coalesce(e.{kind}_num_at_risk, 0) = sum(coalesce(e.{kind}_num_at_risk, 0)) OVER () AS aggregate
                   FROM {"{n}"}.event_groups e WHERE e.nct_id = s.nct_id) g)
        """;

    /// <summary>The AE-total rule, as docs/aact.md states it.</summary>
    public const string AeTotalsRule =
        "Subjects with serious (other) adverse events are the sum of the event groups' seriousNumAffected (otherNumAffected), " +
        "counting each person once: (1) a group whose participants at risk equal the sum of all the other groups' at risk " +
        "(a \"Total\" group, or a combined group such as \"Migraine + Cluster Headache\") is left out of the sum; (2) if the " +
        "remaining groups still hold more participants at risk than the study enrolled, the groups overlap (per-period groups " +
        "such as \"Double-Blind Phase\" and \"Open-Label Phase\", or crossover arms: the same people in several groups), and " +
        "the value is NULL, since no sum of group totals counts each person once. AACT sums reported_events.subjects_affected " +
        "over every term and group instead, which counts a person once per event and once per group.";

    public static IReadOnlyList<AactTable> All { get; } =
    [
        Table("studies", "one per study", "{n}.studies s",
            C("nct_id", V, "s.nct_id"),
            Null("nlm_download_date_description", V),
            C("study_first_submitted_date", D, "s.study_first_submit_date"),
            C("results_first_submitted_date", D, "s.results_first_submit_date"),
            C("disposition_first_submitted_date", D, "s.disp_first_submit_date"),
            C("last_update_submitted_date", D, "s.last_update_submit_date"),
            C("study_first_submitted_qc_date", D, "s.study_first_submit_qc_date"),
            C("study_first_posted_date", D, "s.study_first_post_date"),
            C("study_first_posted_date_type", V, "s.study_first_post_date_type"),
            C("results_first_submitted_qc_date", D, "s.results_first_submit_qc_date"),
            C("results_first_posted_date", D, "s.results_first_post_date"),
            C("results_first_posted_date_type", V, "s.results_first_post_date_type"),
            C("disposition_first_submitted_qc_date", D, "s.disp_first_submit_qc_date"),
            C("disposition_first_posted_date", D, "s.disp_first_post_date"),
            C("disposition_first_posted_date_type", V, "s.disp_first_post_date_type"),
            C("last_update_submitted_qc_date", D, "s.last_update_submit_date", "v2 has no QC date for the last update: AACT repeats lastUpdateSubmitDate, so do we"),
            C("last_update_posted_date", D, "s.last_update_post_date"),
            C("last_update_posted_date_type", V, "s.last_update_post_date_type"),
            C("start_month_year", V, "s.start_date_raw"),
            C("start_date_type", V, "s.start_date_type"),
            C("start_date", D, StudyDate("start_date"), "AACT's rule: a month gives its last day, a year 31 December"),
            C("verification_month_year", V, "s.status_verified_date_raw"),
            C("verification_date", D, StudyDate("status_verified_date"), "AACT's rule: last day of the month"),
            C("completion_month_year", V, "s.completion_date_raw"),
            C("completion_date_type", V, "s.completion_date_type"),
            C("completion_date", D, StudyDate("completion_date"), "AACT's rule: last day of the month"),
            C("primary_completion_month_year", V, "s.primary_completion_date_raw"),
            C("primary_completion_date_type", V, "s.primary_completion_date_type"),
            C("primary_completion_date", D, StudyDate("primary_completion_date"), "AACT's rule: last day of the month"),
            C("target_duration", V, "s.target_duration"),
            C("study_type", V, "s.study_type"),
            C("acronym", V, "s.acronym"),
            C("baseline_population", T, "s.baseline_population_description"),
            C("brief_title", T, "s.brief_title"),
            C("official_title", T, "s.official_title"),
            C("overall_status", V, "s.overall_status"),
            C("last_known_status", V, "s.last_known_status"),
            C("phase", V, "(SELECT string_agg(p.phase, '/' ORDER BY p.ord) FROM {n}.phases p WHERE p.nct_id = s.nct_id)", "phases[] joined with '/' (PHASE1/PHASE2)"),
            C("enrollment", I, "s.enrollment"),
            C("enrollment_type", V, "s.enrollment_type"),
            C("source", V, "s.organization_full_name"),
            C("limitations_and_caveats", V, "s.limitations_and_caveats"),
            C("number_of_arms", I, $"CASE WHEN s.study_type = 'INTERVENTIONAL' THEN nullif({Count("arm_groups")}, 0) END", "arm groups of an interventional study"),
            C("number_of_groups", I, $"CASE WHEN s.study_type IS DISTINCT FROM 'INTERVENTIONAL' THEN nullif({Count("arm_groups")}, 0) END", "arm groups of any other study"),
            C("why_stopped", V, "s.why_stopped"),
            C("has_expanded_access", B, "s.has_expanded_access"),
            C("expanded_access_type_individual", B, "s.expanded_access_types_individual"),
            C("expanded_access_type_intermediate", B, "s.expanded_access_types_intermediate"),
            C("expanded_access_type_treatment", B, "s.expanded_access_types_treatment"),
            C("has_dmc", B, "s.oversight_has_dmc"),
            C("is_fda_regulated_drug", B, "s.is_fda_regulated_drug"),
            C("is_fda_regulated_device", B, "s.is_fda_regulated_device"),
            C("is_unapproved_device", B, "s.is_unapproved_device"),
            C("is_ppsd", B, "s.is_ppsd"),
            C("is_us_export", B, "s.is_us_export"),
            C("biospec_retention", V, "s.bio_spec_retention"),
            C("biospec_description", T, "s.bio_spec_description"),
            C("ipd_time_frame", V, "s.ipd_sharing_time_frame"),
            C("ipd_access_criteria", V, "s.ipd_sharing_access_criteria"),
            C("ipd_url", V, "s.ipd_sharing_url"),
            C("plan_to_share_ipd", V, "s.ipd_sharing"),
            C("plan_to_share_ipd_description", V, "s.ipd_sharing_description"),
            C("created_at", Ts, "s.imported_at", "when the study's current version was written"),
            C("updated_at", Ts, "s.imported_at", "when the study's current version was written"),
            C("source_class", V, "s.organization_class"),
            C("delayed_posting", V, BooleanText("s.delayed_posting"), "a JSON boolean in AACT's varchar column: 'true'/'false'"),
            C("expanded_access_nctid", V, "s.expanded_access_nct_id"),
            C("expanded_access_status_for_nctid", V, "s.expanded_access_status_for_nct_id"),
            C("fdaaa801_violation", B, "s.fdaaa801_violation"),
            C("baseline_type_units_analyzed", V, "s.baseline_type_units_analyzed")) with { Materialized = true },

        Table("brief_summaries", "one per study with a brief summary", "{n}.studies s WHERE s.brief_summary IS NOT NULL",
            IdColumn(Id("s.nct_id")), Nct("s"), C("description", T, "s.brief_summary", "lossless: newlines kept (AACT's flat files turn them into ~)")),

        Table("detailed_descriptions", "one per study with a detailed description", "{n}.studies s WHERE s.detailed_description IS NOT NULL",
            IdColumn(Id("s.nct_id")), Nct("s"), C("description", T, "s.detailed_description", "lossless: newlines kept")),

        Table("eligibilities", "one per study with an eligibility module",
            "{n}.studies s LEFT JOIN LATERAL (SELECT array_agg(a.std_age) AS ages FROM {n}.std_ages a WHERE a.nct_id = s.nct_id) a ON true " +
            "WHERE (s.eligibility_criteria IS NOT NULL OR s.sex IS NOT NULL OR s.minimum_age IS NOT NULL OR s.maximum_age IS NOT NULL OR s.healthy_volunteers IS NOT NULL OR s.sampling_method IS NOT NULL OR s.study_population IS NOT NULL OR a.ages IS NOT NULL)",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("sampling_method", V, "s.sampling_method"),
            C("gender", V, "s.sex"),
            C("minimum_age", V, "s.minimum_age"),
            C("maximum_age", V, "s.maximum_age"),
            C("healthy_volunteers", V, BooleanText("s.healthy_volunteers"), "a JSON boolean in AACT's varchar column: 'true'/'false'"),
            C("population", T, "s.study_population"),
            C("criteria", T, "s.eligibility_criteria"),
            C("gender_description", T, "s.gender_description"),
            C("gender_based", B, "s.gender_based"),
            C("adult", B, "'ADULT' = ANY(a.ages)", "stdAges contains ADULT"),
            C("child", B, "'CHILD' = ANY(a.ages)", "stdAges contains CHILD"),
            C("older_adult", B, "'OLDER_ADULT' = ANY(a.ages)", "stdAges contains OLDER_ADULT")) with { Materialized = true },

        Table("designs", "one per study with design information",
            "{n}.studies s LEFT JOIN LATERAL (SELECT array_agg(w.who_masked) AS who FROM {n}.who_masked w WHERE w.nct_id = s.nct_id) w ON true " +
            "WHERE (s.allocation IS NOT NULL OR s.intervention_model IS NOT NULL OR s.observational_model IS NOT NULL OR s.primary_purpose IS NOT NULL OR s.time_perspective IS NOT NULL OR s.masking IS NOT NULL OR w.who IS NOT NULL)",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("allocation", V, "s.allocation"),
            C("intervention_model", V, "s.intervention_model"),
            C("observational_model", V, "s.observational_model"),
            C("primary_purpose", V, "s.primary_purpose"),
            C("time_perspective", V, "s.time_perspective"),
            C("masking", V, "s.masking"),
            C("masking_description", T, "s.masking_description"),
            C("intervention_model_description", T, "s.intervention_model_description"),
            C("subject_masked", B, "'PARTICIPANT' = ANY(w.who)", "whoMasked contains PARTICIPANT (NULL without whoMasked)"),
            C("caregiver_masked", B, "'CARE_PROVIDER' = ANY(w.who)", "whoMasked contains CARE_PROVIDER"),
            C("investigator_masked", B, "'INVESTIGATOR' = ANY(w.who)", "whoMasked contains INVESTIGATOR"),
            C("outcomes_assessor_masked", B, "'OUTCOMES_ASSESSOR' = ANY(w.who)", "whoMasked contains OUTCOMES_ASSESSOR")) with { Materialized = true },

        Table("calculated_values", "one per study", "{n}.studies s LEFT JOIN LATERAL (SELECT count(*)::int AS n, " +
            $"bool_or(l.country IN ({string.Join(", ", UsTerritories.Select(c => $"'{c}'"))})) AS us " +
            "FROM {n}.locations l WHERE l.nct_id = s.nct_id) f ON true",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("number_of_facilities", I, "f.n", "count of locations"),
            C("number_of_nsae_subjects", I, AeSubjects("other"), "deliberately not AACT's: participants with other AEs counted once (see 'Adverse-event totals')"),
            C("number_of_sae_subjects", I, AeSubjects("serious"), "deliberately not AACT's: participants with serious AEs counted once (see 'Adverse-event totals')"),
            C("registered_in_calendar_year", I, "extract(year FROM s.study_first_submit_date)::int"),
            Null("nlm_download_date", D),
            C("actual_duration", I, $"CASE WHEN s.start_date_type IS DISTINCT FROM 'ESTIMATED' AND s.primary_completion_date_type IS DISTINCT FROM 'ESTIMATED' THEN ({StudyDate("primary_completion_date")} - {StudyDate("start_date")}) / 30 END", "AACT's (primary completion − start) / 30 days, neither date estimated"),
            C("were_results_reported", B, "coalesce(s.has_results, false)", "hasResults (AACT: an outcomes row exists; its own TODO asks for hasResults)"),
            C("months_to_report_results", I, $"(s.results_first_submit_date - {StudyDate("primary_completion_date")}) / 30", "AACT's (results first submitted − primary completion) / 30 days"),
            C("has_us_facility", B, "coalesce(f.us, false)", "a location in the US or a US territory"),
            C("has_single_facility", B, "f.n = 1"),
            C("minimum_age_num", I, Int("s.minimum_age_number")),
            C("maximum_age_num", I, Int("s.maximum_age_number")),
            C("minimum_age_unit", V, "s.minimum_age_unit", "singular, lower case: year, month, week, day, hour, minute"),
            C("maximum_age_unit", V, "s.maximum_age_unit"),
            C("number_of_primary_outcomes_to_measure", I, Count("design_outcomes", " AND x.outcome_type = 'PRIMARY'")),
            C("number_of_secondary_outcomes_to_measure", I, Count("design_outcomes", " AND x.outcome_type = 'SECONDARY'")),
            C("number_of_other_outcomes_to_measure", I, Count("design_outcomes", " AND x.outcome_type = 'OTHER'"))) with { Materialized = true },

        Table("participant_flows", "one per study with a participant flow",
            "{n}.studies s WHERE (s.flow_recruitment_details IS NOT NULL OR s.flow_pre_assignment_details IS NOT NULL OR s.flow_type_units_analyzed IS NOT NULL OR EXISTS (SELECT 1 FROM {n}.flow_groups g WHERE g.nct_id = s.nct_id))",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("recruitment_details", T, "s.flow_recruitment_details"),
            C("pre_assignment_details", T, "s.flow_pre_assignment_details"),
            C("units_analyzed", V, "s.flow_type_units_analyzed")) with { Materialized = true },

        Table("result_agreements", "one per study with a certain-agreement section",
            "{n}.studies s WHERE (s.certain_agreement_pi_sponsor_employee IS NOT NULL OR s.certain_agreement_restriction_type IS NOT NULL OR s.certain_agreement_restrictive_agreement IS NOT NULL OR s.certain_agreement_other_details IS NOT NULL)",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("pi_employee", V, BooleanText("s.certain_agreement_pi_sponsor_employee"), "a JSON boolean in AACT's varchar column: 'true'/'false'"),
            Null("agreement", T),
            C("restriction_type", V, "s.certain_agreement_restriction_type"),
            C("other_details", T, "s.certain_agreement_other_details"),
            C("restrictive_agreement", V, BooleanText("s.certain_agreement_restrictive_agreement"), "a JSON boolean in AACT's varchar column: 'true'/'false'")),

        Table("result_contacts", "one per study with a results point of contact",
            "{n}.studies s WHERE (s.point_of_contact_title IS NOT NULL OR s.point_of_contact_organization IS NOT NULL OR s.point_of_contact_email IS NOT NULL OR s.point_of_contact_phone IS NOT NULL)",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("organization", V, "s.point_of_contact_organization"),
            C("name", V, "s.point_of_contact_title"),
            C("phone", V, "s.point_of_contact_phone"),
            C("email", V, "s.point_of_contact_email"),
            C("extension", V, "s.point_of_contact_phone_ext")),

        Table("responsible_parties", "one per study with a responsible party",
            "{n}.studies s WHERE (s.responsible_party_type IS NOT NULL OR s.responsible_party_investigator_full_name IS NOT NULL OR s.responsible_party_old_name_title IS NOT NULL OR s.responsible_party_old_organization IS NOT NULL)",
            IdColumn(Id("s.nct_id")), Nct("s"),
            C("responsible_party_type", V, "s.responsible_party_type"),
            C("name", V, "s.responsible_party_investigator_full_name"),
            C("title", V, "s.responsible_party_investigator_title"),
            C("organization", V, "s.responsible_party_old_organization"),
            C("affiliation", T, "s.responsible_party_investigator_affiliation"),
            C("old_name_title", V, "s.responsible_party_old_name_title")),

        Table("sponsors", "lead sponsor and each collaborator",
            "(SELECT nct_id, 0 AS kind, 0 AS ord, lead_sponsor_name AS name, lead_sponsor_class AS class, 'lead' AS role FROM {n}.studies WHERE lead_sponsor_name IS NOT NULL " +
            "UNION ALL SELECT nct_id, 1, ord, name, class, 'collaborator' FROM {n}.collaborators) x",
            IdColumn(Id("x.nct_id", ("x.kind", 1), ("x.ord", 35))), Nct("x"),
            C("agency_class", V, "x.class"),
            C("lead_or_collaborator", V, "x.role", "'lead' or 'collaborator'"),
            C("name", V, "x.name")),

        Table("conditions", "each conditions[] element", "{n}.conditions x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("name", V, "x.condition"),
            C("downcase_name", V, "lower(x.condition)")),

        Table("keywords", "each keywords[] element", "{n}.keywords x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("name", V, "x.keyword"),
            C("downcase_name", V, "lower(x.keyword)")),

        Table("browse_conditions", "each condition MeSH term and ancestor",
            "(SELECT nct_id, 0 AS kind, ord, term, 'mesh-list' AS mesh_type FROM {n}.browse_meshes WHERE browse = 'CONDITION' " +
            "UNION ALL SELECT nct_id, 1, ord, term, 'mesh-ancestor' FROM {n}.browse_ancestors WHERE browse = 'CONDITION') x",
            IdColumn(Id("x.nct_id", ("x.kind", 1), ("x.ord", 35))), Nct("x"),
            C("mesh_term", V, "x.term"),
            C("downcase_mesh_term", V, "lower(x.term)"),
            C("mesh_type", V, "x.mesh_type", "'mesh-list' or 'mesh-ancestor'")),

        Table("browse_interventions", "each intervention MeSH term and ancestor",
            "(SELECT nct_id, 0 AS kind, ord, term, 'mesh-list' AS mesh_type FROM {n}.browse_meshes WHERE browse = 'INTERVENTION' " +
            "UNION ALL SELECT nct_id, 1, ord, term, 'mesh-ancestor' FROM {n}.browse_ancestors WHERE browse = 'INTERVENTION') x",
            IdColumn(Id("x.nct_id", ("x.kind", 1), ("x.ord", 35))), Nct("x"),
            C("mesh_term", V, "x.term"),
            C("downcase_mesh_term", V, "lower(x.term)"),
            C("mesh_type", V, "x.mesh_type", "'mesh-list' or 'mesh-ancestor'")),

        Table("id_information", "the org study id, each secondary id and each NCT alias",
            "(SELECT nct_id, 0 AS kind, 0 AS ord, 'org_study_id' AS id_source, org_study_id AS id_value, org_study_id_type AS id_type, NULL::text AS domain, org_study_id_link AS link FROM {n}.studies WHERE org_study_id IS NOT NULL " +
            "UNION ALL SELECT nct_id, 1, ord, 'secondary_id', id, type, domain, link FROM {n}.secondary_ids " +
            "UNION ALL SELECT nct_id, 2, ord, 'nct_alias', nct_id_alias, NULL, NULL, NULL FROM {n}.nct_id_aliases) x",
            IdColumn(Id("x.nct_id", ("x.kind", 2), ("x.ord", 34))), Nct("x"),
            C("id_source", V, "x.id_source", "'org_study_id', 'secondary_id' or 'nct_alias'"),
            C("id_value", V, "x.id_value"),
            C("id_type", V, "x.id_type"),
            C("id_type_description", V, "x.domain", "the secondary id's domain (the org study id has none in v2)"),
            C("id_link", V, "x.link")),

        Table("overall_officials", "each overallOfficials[] element", "{n}.overall_officials x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("role", V, "x.role"),
            C("name", V, "x.name"),
            C("affiliation", V, "x.affiliation")),

        Table("central_contacts", "each centralContacts[] element", "{n}.central_contacts x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("contact_type", V, "CASE WHEN x.ord = 0 THEN 'primary' ELSE 'backup' END", "the first is 'primary', the others 'backup'"),
            C("name", V, "x.name"),
            C("phone", V, "x.phone"),
            C("email", V, "x.email"),
            C("phone_extension", V, "x.phone_ext"),
            C("role", V, "x.role")),

        Table("facilities", "each locations[] element", "{n}.locations x",
            IdColumn(Id("x.nct_id", ("x.location_ord", 36))), Nct("x"),
            C("status", V, "x.status"),
            C("name", V, "x.facility"),
            C("city", V, "x.city"),
            C("state", V, "x.state"),
            C("zip", V, "x.zip"),
            C("country", V, "x.country"),
            C("latitude", "double precision", "x.latitude", "not in AACT's 2024 DDL (its mapping has it): added at the end, so positional SELECT * readers still see AACT's columns first"),
            C("longitude", "double precision", "x.longitude", "as latitude")),

        Table("facility_contacts", "each location contact whose role is not an investigator or study chair",
            "(SELECT c.*, row_number() OVER (PARTITION BY c.nct_id, c.location_ord ORDER BY c.ord) AS rank FROM {n}.location_contacts c WHERE coalesce(c.role, '') !~* 'investigator|study.chair') x",
            IdColumn(Id("x.nct_id", ("x.location_ord", 18), ("x.ord", 18))), Nct("x"),
            Fk("facility_id", Id("x.nct_id", ("x.location_ord", 36))),
            C("contact_type", V, "CASE WHEN x.rank = 1 THEN 'primary' ELSE 'backup' END", "the location's first such contact is 'primary', the others 'backup'"),
            C("name", V, "x.name"),
            C("email", V, "x.email"),
            C("phone", V, "x.phone"),
            C("phone_extension", V, "x.phone_ext")),

        Table("facility_investigators", "each location contact whose role is an investigator or study chair",
            "{n}.location_contacts x WHERE x.role ~* 'investigator|study.chair'",
            IdColumn(Id("x.nct_id", ("x.location_ord", 18), ("x.ord", 18))), Nct("x"),
            Fk("facility_id", Id("x.nct_id", ("x.location_ord", 36))),
            C("role", V, "x.role"),
            C("name", V, "x.name")),

        Table("countries", "each distinct location country, and each removed country",
            "(SELECT nct_id, 0 AS kind, min(location_ord) AS ord, country, false AS removed FROM {n}.locations WHERE country IS NOT NULL GROUP BY nct_id, country " +
            "UNION ALL SELECT nct_id, 1, min(ord), country, true FROM {n}.removed_countries WHERE country IS NOT NULL GROUP BY nct_id, country) x",
            IdColumn(Id("x.nct_id", ("x.kind", 1), ("x.ord", 35))), Nct("x"),
            C("name", V, "x.country"),
            C("removed", B, "x.removed", "true for derivedSection.miscInfoModule.removedCountries")),

        Table("design_groups", "each armGroups[] element", "{n}.arm_groups x",
            IdColumn(Id("x.nct_id", ("x.arm_group_ord", 36))), Nct("x"),
            C("group_type", V, "x.type"),
            C("title", V, "x.label"),
            C("description", T, "x.description")),

        Table("interventions", "each interventions[] element", "{n}.interventions x",
            IdColumn(Id("x.nct_id", ("x.intervention_ord", 36))), Nct("x"),
            C("intervention_type", V, "x.type"),
            C("name", V, "x.name"),
            C("description", T, "x.description")),

        Table("intervention_other_names", "each interventions[].otherNames[] element", "{n}.intervention_other_names x",
            IdColumn(Id("x.nct_id", ("x.intervention_ord", 18), ("x.ord", 18))), Nct("x"),
            Fk("intervention_id", Id("x.nct_id", ("x.intervention_ord", 36))),
            C("name", V, "x.other_name")),

        Table("design_group_interventions", "each interventions[].armGroupLabels[] element that names an arm group",
            "{n}.intervention_arm_groups x JOIN LATERAL (SELECT min(a.arm_group_ord) AS arm_group_ord FROM {n}.arm_groups a WHERE a.nct_id = x.nct_id AND a.label = x.arm_group_label) a ON a.arm_group_ord IS NOT NULL",
            IdColumn(Id("x.nct_id", ("x.intervention_ord", 18), ("x.ord", 18))), Nct("x"),
            Fk("design_group_id", Id("x.nct_id", ("a.arm_group_ord", 36))),
            Fk("intervention_id", Id("x.nct_id", ("x.intervention_ord", 36)))),

        Table("design_outcomes", "each primary, secondary and other outcome of the protocol", "{n}.design_outcomes x",
            IdColumn(Id("x.nct_id", ("CASE x.outcome_type WHEN 'PRIMARY' THEN 0 WHEN 'SECONDARY' THEN 1 ELSE 2 END", 2), ("x.ord", 34))), Nct("x"),
            C("outcome_type", V, "lower(x.outcome_type)", "'primary', 'secondary' or 'other'"),
            C("measure", T, "x.measure"),
            C("time_frame", T, "x.time_frame"),
            Null("population", V),
            C("description", T, "x.description")),

        Table("ipd_information_types", "each ipdSharingStatementModule.infoTypes[] element", "{n}.ipd_info_types x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("name", V, "x.info_type")),

        Table("documents", "each referencesModule.availIpds[] element", "{n}.available_ipds x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("document_id", V, "x.id"),
            C("document_type", V, "x.type"),
            C("url", V, "x.url"),
            C("comment", T, "x.comment")),

        Table("links", "each seeAlsoLinks[] element", "{n}.see_also_links x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("url", V, "x.url"),
            C("description", T, "x.label")),

        Table("study_references", "each references[] element", "{n}.study_references x",
            IdColumn(Id("x.nct_id", ("x.reference_ord", 36))), Nct("x"),
            C("pmid", V, "x.pmid"),
            C("reference_type", V, "x.type"),
            C("citation", T, "x.citation")),

        Table("retractions", "each references[].retractions[] element", "{n}.retractions x",
            IdColumn(Id("x.nct_id", ("x.reference_ord", 18), ("x.ord", 18))),
            Fk("reference_id", Id("x.nct_id", ("x.reference_ord", 36))),
            C("pmid", V, "x.pmid"),
            C("source", V, "x.source"),
            Nct("x")),

        Table("provided_documents", "each largeDocumentModule.largeDocs[] element", "{n}.large_documents x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("document_type", V, "x.label"),
            C("has_protocol", B, "x.has_protocol"),
            C("has_icf", B, "x.has_icf"),
            C("has_sap", B, "x.has_sap"),
            C("document_date", D, "x.date"),
            C("url", V, "'https://cdn.clinicaltrials.gov/large-docs/' || right(x.nct_id, 2) || '/' || x.nct_id || '/' || x.filename", "the registry's document URL, built from the NCT number and the file name")),

        Table("pending_results", "each unpostedEvents[] element", "{n}.unposted_events x",
            IdColumn(Id("x.nct_id", ("x.ord", 36))), Nct("x"),
            C("event", V, "x.type"),
            C("event_date_description", V, "to_char(x.date, 'YYYY-MM-DD')", "the date as text"),
            C("event_date", D, "x.date")),

        Table("result_groups", "each group of the four results modules (an outcome's groups once per outcome)",
            "(SELECT nct_id, 0 AS kind, 0 AS measure_ord, id AS code, 'Baseline' AS result_type, title, description FROM {n}.baseline_groups " +
            "UNION ALL SELECT nct_id, 1, 0, id, 'Participant Flow', title, description FROM {n}.flow_groups " +
            "UNION ALL SELECT nct_id, 2, measure_ord, id, 'Outcome', title, description FROM {n}.outcome_groups " +
            "UNION ALL SELECT nct_id, 3, 0, id, 'Reported Event', title, description FROM {n}.event_groups) x",
            IdColumn(Id("x.nct_id", ("x.kind", 2), ("x.measure_ord", 14), (GroupNumber("x.code"), 20))), Nct("x"),
            C("ctgov_group_code", V, "x.code"),
            C("result_type", V, "x.result_type", "'Baseline', 'Participant Flow', 'Outcome' or 'Reported Event'"),
            C("title", V, "x.title"),
            C("description", T, "x.description")),

        Table("baseline_counts", "each baseline denoms[].counts[] element",
            "{n}.baseline_denom_counts x JOIN {n}.baseline_denoms d ON d.nct_id = x.nct_id AND d.denom_ord = x.denom_ord",
            IdColumn(Id("x.nct_id", ("x.denom_ord", 18), ("x.ord", 18))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Baseline, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("units", V, "d.units"),
            C("scope", V, "'overall'"),
            C("count", I, Int("x.value_number"))),

        Table("baseline_measurements", "each baseline measures[].classes[].categories[].measurements[] element",
            "{n}.baseline_measurements x JOIN {n}.baseline_measures m ON m.nct_id = x.nct_id AND m.measure_ord = x.measure_ord " +
            "LEFT JOIN {n}.baseline_classes c ON c.nct_id = x.nct_id AND c.measure_ord = x.measure_ord AND c.class_ord = x.class_ord " +
            "LEFT JOIN {n}.baseline_categories g ON g.nct_id = x.nct_id AND g.measure_ord = x.measure_ord AND g.class_ord = x.class_ord AND g.category_ord = x.category_ord " +
            "LEFT JOIN (SELECT DISTINCT ON (k.nct_id, k.measure_ord, k.class_ord, k.group_id, u.units) k.nct_id, k.measure_ord, k.class_ord, k.group_id, u.units, k.value_number " +
            "FROM {n}.baseline_class_denom_counts k JOIN {n}.baseline_class_denoms u ON u.nct_id = k.nct_id AND u.measure_ord = k.measure_ord AND u.class_ord = k.class_ord AND u.denom_ord = k.denom_ord " +
            "ORDER BY k.nct_id, k.measure_ord, k.class_ord, k.group_id, u.units, k.denom_ord) cd " +
            "ON cd.nct_id = x.nct_id AND cd.measure_ord = x.measure_ord AND cd.class_ord = x.class_ord AND cd.group_id = x.group_id AND cd.units = coalesce(m.denom_units_selected, 'Participants') " +
            "LEFT JOIN (SELECT DISTINCT ON (k.nct_id, k.measure_ord, k.group_id, u.units) k.nct_id, k.measure_ord, k.group_id, u.units, k.value_number " +
            "FROM {n}.baseline_measure_denom_counts k JOIN {n}.baseline_measure_denoms u ON u.nct_id = k.nct_id AND u.measure_ord = k.measure_ord AND u.denom_ord = k.denom_ord " +
            "ORDER BY k.nct_id, k.measure_ord, k.group_id, u.units, k.denom_ord) md " +
            "ON md.nct_id = x.nct_id AND md.measure_ord = x.measure_ord AND md.group_id = x.group_id AND md.units = coalesce(m.denom_units_selected, 'Participants') " +
            "LEFT JOIN (SELECT DISTINCT ON (k.nct_id, k.group_id, u.units) k.nct_id, k.group_id, u.units, k.value_number " +
            "FROM {n}.baseline_denom_counts k JOIN {n}.baseline_denoms u ON u.nct_id = k.nct_id AND u.denom_ord = k.denom_ord " +
            "ORDER BY k.nct_id, k.group_id, u.units, k.denom_ord) bd " +
            "ON bd.nct_id = x.nct_id AND bd.group_id = x.group_id AND bd.units = coalesce(m.denom_units_selected, 'Participants')",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 9), ("x.class_ord", 9), ("x.category_ord", 9), ("x.ord", 9))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Baseline, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("classification", V, "c.title"),
            C("category", V, "g.title"),
            C("title", V, "m.title"),
            C("description", T, "m.description"),
            C("units", V, "m.unit_of_measure"),
            C("param_type", V, "m.param_type"),
            C("param_value", V, "x.value"),
            C("param_value_num", N, "x.value_number"),
            C("dispersion_type", V, "m.dispersion_type"),
            C("dispersion_value", V, "x.spread"),
            C("dispersion_value_num", N, "x.spread_number"),
            C("dispersion_lower_limit", N, "x.lower_limit_number"),
            C("dispersion_upper_limit", N, "x.upper_limit_number"),
            C("explanation_of_na", V, "x.comment"),
            C("number_analyzed", I, Int("coalesce(cd.value_number, md.value_number, bd.value_number)"),
                "the class's denominator, else the measure's, else the module's, in the selected units (AACT's rule)"),
            C("number_analyzed_units", V, "coalesce(m.denom_units_selected, 'Participants')"),
            C("population_description", V, "m.population_description"),
            C("calculate_percentage", V, YesNo("m.calculate_pct"), "'Yes'/'No'")),

        Table("milestones", "each participant-flow periods[].milestones[].achievements[] element",
            "{n}.flow_milestone_counts x JOIN {n}.flow_milestones m ON m.nct_id = x.nct_id AND m.period_ord = x.period_ord AND m.milestone_ord = x.milestone_ord " +
            "JOIN {n}.flow_periods p ON p.nct_id = x.nct_id AND p.period_ord = x.period_ord",
            IdColumn(Id("x.nct_id", ("x.period_ord", 12), ("x.milestone_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.ParticipantFlow, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("title", V, "m.type"),
            C("period", V, "p.title"),
            C("description", T, "x.comment", "deliberately not AACT's: AACT reads achievements[].description, which v2 does not have, so its column is always empty; we give the achievement's comment"),
            C("count", I, Int("x.num_subjects_number")),
            C("milestone_description", V, "m.comment"),
            C("count_units", V, "x.num_units")),

        Table("drop_withdrawals", "each participant-flow periods[].dropWithdraws[].reasons[] element",
            "{n}.flow_drop_withdraw_counts x JOIN {n}.flow_drop_withdraws w ON w.nct_id = x.nct_id AND w.period_ord = x.period_ord AND w.drop_withdraw_ord = x.drop_withdraw_ord " +
            "JOIN {n}.flow_periods p ON p.nct_id = x.nct_id AND p.period_ord = x.period_ord",
            IdColumn(Id("x.nct_id", ("x.period_ord", 12), ("x.drop_withdraw_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.ParticipantFlow, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("period", V, "p.title"),
            C("reason", V, "w.type"),
            C("count", I, Int("x.num_subjects_number")),
            C("drop_withdraw_comment", V, "w.comment"),
            C("reason_comment", V, "x.comment"),
            C("count_units", I, Int("x.num_units_number"))),

        Table("outcomes", "each outcomeMeasures[] element", "{n}.outcome_measures x",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 36))), Nct("x"),
            C("outcome_type", V, "x.type"),
            C("title", T, "x.title"),
            C("description", T, "x.description"),
            C("time_frame", T, "x.time_frame"),
            C("population", T, "x.population_description"),
            C("anticipated_posting_date", D, "x.anticipated_posting_date", "the first of the month (AACT's rule for this date)"),
            C("anticipated_posting_month_year", V, "x.anticipated_posting_date_raw"),
            C("units", V, "x.unit_of_measure"),
            C("units_analyzed", V, "x.type_units_analyzed"),
            C("dispersion_type", V, "x.dispersion_type"),
            C("param_type", V, "x.param_type")),

        Table("outcome_counts", "each outcome denoms[].counts[] element",
            "{n}.outcome_denom_counts x JOIN {n}.outcome_denoms d ON d.nct_id = x.nct_id AND d.measure_ord = x.measure_ord AND d.denom_ord = x.denom_ord",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 12), ("x.denom_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("outcome_id", Id("x.nct_id", ("x.measure_ord", 36))),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Outcome, "x.group_id", "x.measure_ord")),
            C("ctgov_group_code", V, "x.group_id"),
            C("scope", V, "'Measure'"),
            C("units", V, "d.units"),
            C("count", I, Int("x.value_number"))),

        Table("outcome_measurements", "each outcome classes[].categories[].measurements[] element",
            "{n}.outcome_measurements x JOIN {n}.outcome_measures m ON m.nct_id = x.nct_id AND m.measure_ord = x.measure_ord " +
            "LEFT JOIN {n}.outcome_classes c ON c.nct_id = x.nct_id AND c.measure_ord = x.measure_ord AND c.class_ord = x.class_ord " +
            "LEFT JOIN {n}.outcome_categories g ON g.nct_id = x.nct_id AND g.measure_ord = x.measure_ord AND g.class_ord = x.class_ord AND g.category_ord = x.category_ord",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 9), ("x.class_ord", 9), ("x.category_ord", 9), ("x.ord", 9))), Nct("x"),
            Fk("outcome_id", Id("x.nct_id", ("x.measure_ord", 36))),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Outcome, "x.group_id", "x.measure_ord")),
            C("ctgov_group_code", V, "x.group_id"),
            C("classification", V, "c.title"),
            C("category", V, "g.title"),
            C("title", V, "m.title"),
            C("description", T, "m.description"),
            C("units", V, "m.unit_of_measure"),
            C("param_type", V, "m.param_type"),
            C("param_value", V, "x.value"),
            C("param_value_num", N, "x.value_number"),
            C("dispersion_type", V, "m.dispersion_type"),
            C("dispersion_value", V, "x.spread"),
            C("dispersion_value_num", N, "x.spread_number"),
            C("dispersion_lower_limit", N, "x.lower_limit_number"),
            C("dispersion_upper_limit", N, "x.upper_limit_number"),
            C("explanation_of_na", T, "x.comment"),
            C("dispersion_upper_limit_raw", V, "x.upper_limit"),
            C("dispersion_lower_limit_raw", V, "x.lower_limit")),

        Table("outcome_analyses", "each outcomeMeasures[].analyses[] element", "{n}.outcome_analyses x",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 18), ("x.analysis_ord", 18))), Nct("x"),
            Fk("outcome_id", Id("x.nct_id", ("x.measure_ord", 36))),
            C("non_inferiority_type", V, "x.non_inferiority_type"),
            C("non_inferiority_description", T, "x.non_inferiority_comment"),
            C("param_type", V, "x.param_type"),
            C("param_value", N, "x.param_value_number"),
            C("dispersion_type", V, "x.dispersion_type"),
            C("dispersion_value", N, "x.dispersion_value_number"),
            C("p_value_modifier", V, "x.p_value_qualifier", "the comparison before the number ('<', '<=', '>' …)"),
            C("p_value", "double precision", "x.p_value_number::double precision"),
            C("ci_n_sides", V, "x.ci_num_sides"),
            C("ci_percent", N, "x.ci_pct_value_number"),
            C("ci_lower_limit", N, "x.ci_lower_limit_number"),
            C("ci_upper_limit", N, "x.ci_upper_limit_number"),
            C("ci_upper_limit_na_comment", V, "x.ci_upper_limit_comment"),
            C("p_value_description", V, "x.p_value_comment"),
            C("method", V, "x.statistical_method"),
            C("method_description", T, "x.statistical_comment"),
            C("estimate_description", T, "x.estimate_comment"),
            C("groups_description", T, "x.group_description"),
            C("other_analysis_description", T, "x.other_analysis_description"),
            C("ci_upper_limit_raw", V, "x.ci_upper_limit"),
            C("ci_lower_limit_raw", V, "x.ci_lower_limit"),
            C("p_value_raw", V, "x.p_value")),

        Table("outcome_analysis_groups", "each analyses[].groupIds[] element", "{n}.outcome_analysis_groups x",
            IdColumn(Id("x.nct_id", ("x.measure_ord", 12), ("x.analysis_ord", 12), ("x.ord", 12))), Nct("x"),
            Fk("outcome_analysis_id", Id("x.nct_id", ("x.measure_ord", 18), ("x.analysis_ord", 18))),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.Outcome, "x.group_id", "x.measure_ord")),
            C("ctgov_group_code", V, "x.group_id")),

        Table("reported_events", "each adverse event's stats[] element (serious and other)",
            "{n}.adverse_event_counts x JOIN {n}.adverse_events e ON e.nct_id = x.nct_id AND e.event_type = x.event_type AND e.event_ord = x.event_ord " +
            "JOIN {n}.studies s ON s.nct_id = x.nct_id",
            IdColumn(Id("x.nct_id", ("CASE x.event_type WHEN 'SERIOUS' THEN 0 ELSE 1 END", 1), ("x.event_ord", 23), ("x.ord", 12))), Nct("x"),
            Fk("result_group_id", ResultGroupId("x.nct_id", AactGroupKind.ReportedEvent, "x.group_id")),
            C("ctgov_group_code", V, "x.group_id"),
            C("time_frame", T, "s.adverse_events_time_frame"),
            C("event_type", V, "lower(x.event_type)", "'serious' or 'other'"),
            Null("default_vocab", V),
            Null("default_assessment", V),
            C("subjects_affected", I, "x.num_affected"),
            C("subjects_at_risk", I, "x.num_at_risk"),
            C("description", T, "s.adverse_events_description"),
            C("event_count", I, "x.num_events"),
            C("organ_system", V, "e.organ_system"),
            C("adverse_event_term", V, "e.term"),
            C("frequency_threshold", I, Int("s.adverse_events_frequency_threshold_number"), "the threshold rounded to an integer (AACT's type); the exact value is in the native studies table"),
            C("vocab", V, "e.source_vocabulary"),
            C("assessment", V, "e.assessment_type")),

        Table("reported_event_totals", "three per adverse-event group: deaths, serious, other",
            "{n}.event_groups x JOIN {n}.studies s ON s.nct_id = x.nct_id CROSS JOIN (VALUES (0, 'deaths', 'Total, all-cause mortality'), (1, 'serious', 'Total, serious adverse events'), (2, 'other', 'Total, other adverse events')) k(kind, event_type, classification)",
            IdColumn(Id("x.nct_id", ("k.kind", 2), ("x.ord", 34))), Nct("x"),
            C("ctgov_group_code", V, "x.id"),
            C("event_type", V, "k.event_type"),
            C("classification", V, "k.classification"),
            C("subjects_affected", I, "CASE k.kind WHEN 0 THEN x.deaths_num_affected WHEN 1 THEN x.serious_num_affected ELSE x.other_num_affected END"),
            C("subjects_at_risk", I, "CASE k.kind WHEN 0 THEN x.deaths_num_at_risk WHEN 1 THEN x.serious_num_at_risk ELSE x.other_num_at_risk END"),
            C("created_at", Ts, "s.imported_at", "the study's import time (as studies.created_at, so a NATURAL JOIN with studies matches)"),
            C("updated_at", Ts, "s.imported_at", "as created_at")),
    ];
}
